package hk.lantau.approval.internal.engine;

import hk.lantau.approval.ApprovalTemplateChanged;
import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.approval.TemplateSummary;
import hk.lantau.approval.TemplateVariable;
import hk.lantau.approval.TemplateView;
import hk.lantau.approval.internal.engine.TemplateRepository.TemplateRow;
import hk.lantau.approval.internal.form.FormSchema;
import hk.lantau.approval.internal.form.ProcessCheck;
import hk.lantau.approval.internal.engine.TemplateRepository.VersionRow;
import hk.lantau.directory.Audiences;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TemplateService implements ApprovalTemplates {

    private final TemplateRepository templates;
    private final Definitions definitions;
    private final RepositoryService repository;
    private final Audiences audiences;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    TemplateService(TemplateRepository templates, Definitions definitions, RepositoryService repository,
                    Audiences audiences, ApplicationEventPublisher publisher, Clock clock) {
        this.templates = templates;
        this.definitions = definitions;
        this.repository = repository;
        this.audiences = audiences;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public TemplateView create(long tenantId, TemplateDefinition definition) {
        Actor actor = CurrentActor.require(Permission.APPROVAL_TEMPLATES);
        check(tenantId, definition);
        Instant now = clock.instant();
        String processCode = "PROC-" + Tokens.randomHex(8).toUpperCase(Locale.ROOT);
        templates.insert(new TemplateRow(tenantId, processCode, definition.name().strip(), definition.groupName(), 1,
                true, actor.userId(), now, now));
        deploy(tenantId, processCode, 1, definition, actor, now);
        publisher.publishEvent(new ApprovalTemplateChanged(tenantId, processCode, 1, "created",
                Map.of("name", definition.name().strip())));
        return view(tenantId, templates.find(tenantId, processCode).orElseThrow(), 1);
    }

    @Override
    @Transactional
    public TemplateView update(long tenantId, String processCode, TemplateDefinition definition) {
        Actor actor = CurrentActor.require(Permission.APPROVAL_TEMPLATES);
        TemplateRow template = templates.lock(tenantId, processCode).orElseThrow(TemplateService::notFound);
        check(tenantId, definition);
        Instant now = clock.instant();
        int version = template.latestVersion() + 1;
        deploy(tenantId, processCode, version, definition, actor, now);
        templates.saveVersion(tenantId, processCode, definition.name().strip(), definition.groupName(), version, now);
        publisher.publishEvent(new ApprovalTemplateChanged(tenantId, processCode, version, "versioned",
                Map.of("name", definition.name().strip())));
        return view(tenantId, templates.find(tenantId, processCode).orElseThrow(), version);
    }

    @Override
    @Transactional(readOnly = true)
    public TemplateView get(long tenantId, String processCode) {
        TemplateRow template = visible(tenantId, processCode);
        return view(tenantId, template, template.latestVersion());
    }

    @Override
    @Transactional(readOnly = true)
    public TemplateView get(long tenantId, String processCode, int version) {
        TemplateRow template = visible(tenantId, processCode);
        if (version < 1 || version > template.latestVersion()) {
            throw LantauException.notFound("approval.template_version_not_found", "The template has no such version.");
        }
        return view(tenantId, template, version);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TemplateSummary> list(long tenantId, boolean includeDisabled) {
        boolean all = includeDisabled && CurrentActor.get().can(Permission.APPROVAL_TEMPLATES);
        return templates.list(tenantId, all).stream()
                .map(row -> TemplateRepository.summary(row,
                        definitions.version(tenantId, row.processCode(), row.latestVersion()).description()))
                .toList();
    }

    @Override
    @Transactional
    public TemplateView setEnabled(long tenantId, String processCode, boolean enabled) {
        CurrentActor.require(Permission.APPROVAL_TEMPLATES);
        TemplateRow template = templates.lock(tenantId, processCode).orElseThrow(TemplateService::notFound);
        if (template.enabled() != enabled) {
            templates.setEnabled(tenantId, processCode, enabled, clock.instant());
            publisher.publishEvent(new ApprovalTemplateChanged(tenantId, processCode, template.latestVersion(),
                    enabled ? "enabled" : "disabled", Map.of()));
        }
        return view(tenantId, templates.find(tenantId, processCode).orElseThrow(), template.latestVersion());
    }

    @Override
    @Transactional(readOnly = true)
    public String bpmn(long tenantId, String processCode, int version) {
        visible(tenantId, processCode);
        return templates.version(tenantId, processCode, version).map(VersionRow::bpmn)
                .orElseThrow(() -> LantauException.notFound("approval.template_version_not_found",
                        "The template has no such version."));
    }

    @Override
    @Transactional
    public void setVariable(long tenantId, String processCode, String key, long departmentId, String value) {
        CurrentActor.require(Permission.APPROVAL_TEMPLATES);
        TemplateRow template = templates.lock(tenantId, processCode).orElseThrow(TemplateService::notFound);
        TemplateDefinition latest = definitions.version(tenantId, processCode, template.latestVersion());
        if (latest.variables().stream().map(TemplateVariable::key).noneMatch(k -> k.equals(key))) {
            throw LantauException.notFound("approval.variable_not_found", "The template has no variable " + key + ".");
        }
        if (audiences.existingDepartments(tenantId, List.of(departmentId)).isEmpty()) {
            throw LantauException.invalidField("departmentId", "approval.department_unknown",
                    "No department " + departmentId + " in the organisation.");
        }
        if (value != null && (value.isBlank() || value.length() > 500)) {
            throw LantauException.invalidField("value", "approval.variable_value_invalid",
                    "A value has 1 to 500 characters.");
        }
        templates.setVariable(tenantId, processCode, key, departmentId, value == null ? null : value.strip());
        publisher.publishEvent(new ApprovalTemplateChanged(tenantId, processCode, template.latestVersion(), "variable",
                Map.of("key", key, "departmentId", departmentId, "cleared", value == null)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<VariableValue> variableValues(long tenantId, String processCode) {
        CurrentActor.require(Permission.APPROVAL_TEMPLATES);
        templates.find(tenantId, processCode).orElseThrow(TemplateService::notFound);
        return templates.variables(tenantId, processCode);
    }

    private void check(long tenantId, TemplateDefinition definition) {
        if (definition == null) {
            throw LantauException.invalid("approval.template_invalid", "Send a template definition.");
        }
        // The shape first (form, process, conditions); people and departments only of a sound definition.
        List<FieldViolation> violations = new ArrayList<>(FormSchema.check(definition.form()));
        violations.addAll(ProcessCheck.check(definition));
        if (violations.isEmpty()) {
            violations.addAll(TemplateRules.check(tenantId, definition, audiences));
        }
        if (!violations.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "approval.template_invalid",
                    "The template cannot be saved: see errors.", violations);
        }
    }

    /** Compiles and deploys one version with the organisation as Flowable's tenant, and records it. */
    private void deploy(long tenantId, String processCode, int version, TemplateDefinition definition, Actor actor,
                        Instant now) {
        BpmnModel model = BpmnCompiler.compile(processCode, definition);
        String xml = BpmnCompiler.toXml(model);
        Deployment deployment = repository.createDeployment()
                .name(processCode + " v" + version)
                .key(BpmnCompiler.processKey(processCode))
                .tenantId(String.valueOf(tenantId))
                .addString(BpmnCompiler.processKey(processCode) + ".bpmn20.xml", xml)
                .disableSchemaValidation()
                .deploy();
        String processDefinitionId = repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
                .singleResult().getId();
        templates.insertVersion(tenantId, processCode, new VersionRow(version, definitions.write(definition), xml,
                processDefinitionId, actor.userId(), now));
    }

    private TemplateRow visible(long tenantId, String processCode) {
        TemplateRow template = templates.find(tenantId, processCode).orElseThrow(TemplateService::notFound);
        Actor actor = CurrentActor.get();
        if (!template.enabled() && !actor.can(Permission.APPROVAL_TEMPLATES) && !actor.can(Permission.APPROVAL_READ)) {
            throw notFound();
        }
        return template;
    }

    private TemplateView view(long tenantId, TemplateRow template, int version) {
        VersionRow row = templates.version(tenantId, template.processCode(), version).orElseThrow();
        return new TemplateView(template.processCode(), version, template.latestVersion(), template.enabled(),
                definitions.version(tenantId, template.processCode(), version), row.createdBy(), row.createdAt(),
                template.updatedAt());
    }

    static LantauException notFound() {
        return LantauException.notFound("approval.template_not_found", "No such approval template.");
    }
}
