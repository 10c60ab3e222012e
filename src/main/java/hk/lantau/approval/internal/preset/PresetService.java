package hk.lantau.approval.internal.preset;

import hk.lantau.approval.ApprovalPreset;
import hk.lantau.approval.ApprovalPresets;
import hk.lantau.approval.ApprovalTemplateChanged;
import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.PresetInstallation;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.approval.TemplateView;
import hk.lantau.directory.NewRole;
import hk.lantau.directory.Role;
import hk.lantau.directory.Roles;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PresetService implements ApprovalPresets {

    private final PresetCatalogue catalogue;
    private final ApprovalTemplates templates;
    private final Roles roles;
    private final ApplicationEventPublisher events;

    PresetService(PresetCatalogue catalogue, ApprovalTemplates templates, Roles roles,
                  ApplicationEventPublisher events) {
        this.catalogue = catalogue;
        this.templates = templates;
        this.roles = roles;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApprovalPreset> list(long tenantId) {
        CurrentActor.require(Permission.APPROVAL_TEMPLATES);
        Set<String> existing = roleKeys(tenantId);
        return catalogue.all().stream().map(p -> new ApprovalPreset(p.key(), p.definition().name(),
                p.definition().description(), p.definition().groupName(), p.roles().entrySet().stream()
                        .map(r -> new ApprovalPreset.PresetRole(r.getKey(), r.getValue(), existing.contains(r.getKey())))
                        .toList())).toList();
    }

    @Override
    @Transactional
    public PresetInstallation install(long tenantId, String key, String fallbackApproverUserId) {
        Actor actor = CurrentActor.require(Permission.APPROVAL_TEMPLATES);
        PresetCatalogue.Preset preset = catalogue.find(key).orElseThrow(() -> LantauException.notFound(
                "approval.preset_not_found", "There is no such preset; GET /api/v1/approval-presets lists them."));
        TemplateDefinition definition = preset.definition();
        if (templates.list(tenantId, true).stream().anyMatch(t -> t.name().equals(definition.name()))) {
            throw LantauException.conflict("approval.preset_installed",
                    "A template named " + definition.name() + " exists already.");
        }
        String fallback = fallbackApproverUserId != null ? fallbackApproverUserId
                : actor.kind() == ActorKind.USER ? actor.userId() : null;
        if (fallback == null) {
            throw LantauException.invalidField("fallbackApproverUserId", "approval.preset_fallback_required",
                    "Name the person who receives the tasks of steps that find nobody.");
        }
        List<String> created = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> existing = roleKeys(tenantId);
        boolean mayCreate = actor.can(Permission.ROLES_MANAGE);
        preset.roles().forEach((roleKey, name) -> {
            if (existing.contains(roleKey)) {
                return;
            }
            if (mayCreate) {
                roles.create(tenantId, new NewRole(roleKey, name, List.of()));
                created.add(roleKey);
            } else {
                missing.add(roleKey);
            }
        });
        TemplateView template = templates.create(tenantId, new TemplateDefinition(definition.name(),
                definition.description(), definition.groupName(), definition.titleTemplate(), definition.form(),
                definition.process(), definition.variables(), fallback));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("preset", key);
        details.put("rolesCreated", List.copyOf(created));
        details.put("rolesMissing", List.copyOf(missing));
        events.publishEvent(new ApprovalTemplateChanged(tenantId, template.processCode(), template.version(),
                "preset", details));
        return new PresetInstallation(key, template, created, missing);
    }

    private Set<String> roleKeys(long tenantId) {
        return roles.list(tenantId).stream().map(Role::key).collect(Collectors.toSet());
    }
}
