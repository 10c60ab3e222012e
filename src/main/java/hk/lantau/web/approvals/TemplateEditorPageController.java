package hk.lantau.web.approvals;

import hk.lantau.approval.ApprovalMode;
import hk.lantau.approval.ApprovalPresets;
import hk.lantau.approval.PresetInstallation;
import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.Condition;
import hk.lantau.approval.EmptyApproverRule;
import hk.lantau.approval.SelfApproverRule;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.approval.TemplateView;
import hk.lantau.approval.TimeoutAction;
import hk.lantau.directory.Roles;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Approval templates for those with {@code approval.templates}: the list, and a structured editor
 * of the form, the process (approver, CC and condition steps, nested), the variables and their
 * values per department, with the version history. The editor posts the whole definition each
 * time; its "add" and "remove" buttons change it and draw it again, and "save" hands it to the
 * module, whose objections come back at the parts they concern.
 */
@Controller
@RequestMapping("/admin/approval-templates")
class TemplateEditorPageController {

    static final int VERSIONS_SHOWN = 20;

    private final ApprovalTemplates templates;
    private final ApprovalPresets presets;
    private final People people;
    private final Roles roles;
    private final PageMessages texts;

    TemplateEditorPageController(ApprovalTemplates templates, ApprovalPresets presets, People people, Roles roles,
                                 PageMessages texts) {
        this.templates = templates;
        this.presets = presets;
        this.people = people;
        this.roles = roles;
        this.texts = texts;
    }

    @GetMapping
    String list(@RequestParam(required = false) String done, Model model) {
        Person me = allowed();
        model.addAttribute("templates", templates.list(me.tenantId(), true));
        model.addAttribute("presets", presets.list(me.tenantId()));
        model.addAttribute("done", done);
        return "approvals/templates";
    }

    /** Installs a ready-made template; the tasks of steps that find nobody go to the installer. */
    @PostMapping("/presets/{key}")
    String install(@PathVariable String key, HttpServletResponse response, Model model) {
        Person me = allowed();
        try {
            PresetInstallation installed = presets.install(me.tenantId(), key, me.userId());
            return "redirect:" + UriComponentsBuilder.fromPath("/admin/approval-templates/{code}")
                    .queryParam("done", "installed")
                    .queryParamIfPresent("created", joined(installed.rolesCreated()))
                    .queryParamIfPresent("missing", joined(installed.rolesMissing()))
                    .buildAndExpand(installed.template().processCode()).encode().toUriString();
        } catch (LantauException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("presetError", texts.problem(e));
            return list(null, model);
        }
    }

    private static java.util.Optional<String> joined(List<String> keys) {
        return keys.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join(", ", keys));
    }

    @GetMapping("/new")
    String create(Model model) {
        Person me = allowed();
        return editor(model, me, null, TemplateForm.starter(), EditorErrors.NONE);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("tpl") TemplateForm form, @RequestParam(defaultValue = "save") String action,
                  @RequestParam(required = false) String newType, HttpServletResponse response, Model model) {
        Person me = allowed();
        return post(model, me, null, form, action, newType, response);
    }

    @GetMapping("/{processCode}")
    String edit(@PathVariable String processCode, @RequestParam(required = false) String done,
                @RequestParam(required = false) String created, @RequestParam(required = false) String missing,
                Model model) {
        Person me = allowed();
        TemplateView view = templates.get(me.tenantId(), processCode);
        model.addAttribute("done", done);
        model.addAttribute("rolesCreated", created);
        model.addAttribute("rolesMissing", missing);
        return editor(model, me, view, TemplateForm.of(view.definition()), EditorErrors.NONE);
    }

    @PostMapping("/{processCode}")
    String edit(@PathVariable String processCode, @ModelAttribute("tpl") TemplateForm form,
                @RequestParam(defaultValue = "save") String action, @RequestParam(required = false) String newType,
                HttpServletResponse response, Model model) {
        Person me = allowed();
        TemplateView view = templates.get(me.tenantId(), processCode);
        return post(model, me, view, form, action, newType, response);
    }

    @PostMapping("/{processCode}/enable")
    String enable(@PathVariable String processCode) {
        Person me = allowed();
        templates.setEnabled(me.tenantId(), processCode, true);
        return "redirect:/admin/approval-templates/" + processCode + "?done=enabled";
    }

    @PostMapping("/{processCode}/disable")
    String disable(@PathVariable String processCode) {
        Person me = allowed();
        templates.setEnabled(me.tenantId(), processCode, false);
        return "redirect:/admin/approval-templates/" + processCode + "?done=disabled";
    }

    @GetMapping("/{processCode}/versions/{version}/bpmn")
    ResponseEntity<String> bpmn(@PathVariable String processCode, @PathVariable int version) {
        Person me = allowed();
        String xml = templates.bpmn(me.tenantId(), processCode, version);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(processCode + "-v" + version + ".bpmn20.xml").build().toString())
                .body(xml);
    }

    @PostMapping("/{processCode}/variables")
    String variable(@PathVariable String processCode, @RequestParam String key, @RequestParam long departmentId,
                    @RequestParam(required = false) String value, HttpServletResponse response, Model model) {
        Person me = allowed();
        try {
            templates.setVariable(me.tenantId(), processCode, key, departmentId, TemplateForm.text(value));
            return "redirect:/admin/approval-templates/" + processCode + "?done=variable#variables";
        } catch (LantauException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            TemplateView view = templates.get(me.tenantId(), processCode);
            model.addAttribute("variableError", texts.problem(e));
            return editor(model, me, view, TemplateForm.of(view.definition()), EditorErrors.NONE);
        }
    }

    private String post(Model model, Person me, TemplateView view, TemplateForm form, String action, String newType,
                        HttpServletResponse response) {
        if (action.equals("import")) {
            TemplateDefinition imported = Json.read(form.getJson(), TemplateDefinition.class);
            if (imported == null) {
                response.setStatus(400);
                return editor(model, me, view, form, EditorErrors.general(texts.text("approvals.editor.json_invalid")));
            }
            return editor(model, me, view, TemplateForm.of(imported), EditorErrors.NONE);
        }
        if (!action.equals("save")) {
            EditorActions.apply(form, action, newType);
            return editor(model, me, view, form, EditorErrors.NONE);
        }
        try {
            TemplateDefinition definition = form.toDefinition();
            TemplateView saved = view == null ? templates.create(me.tenantId(), definition)
                    : templates.update(me.tenantId(), view.processCode(), definition);
            return "redirect:/admin/approval-templates/" + saved.processCode() + "?done="
                    + (view == null ? "created" : "saved");
        } catch (LantauException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            return editor(model, me, view, form, EditorErrors.of(e, texts, form));
        }
    }

    private String editor(Model model, Person me, TemplateView view, TemplateForm form, EditorErrors errors) {
        List<TemplateView> versions = new ArrayList<>();
        if (view != null) {
            for (int v = view.latestVersion(); v >= 1 && versions.size() < VERSIONS_SHOWN; v--) {
                versions.add(v == view.version() ? view : templates.get(me.tenantId(), view.processCode(), v));
            }
            model.addAttribute("variableValues", templates.variableValues(me.tenantId(), view.processCode()));
            model.addAttribute("names", people.names(me.tenantId(),
                    versions.stream().map(TemplateView::createdBy).toList()));
        }
        model.addAttribute("view", view);
        model.addAttribute("tpl", form);
        model.addAttribute("errors", errors);
        model.addAttribute("versions", versions);
        model.addAttribute("people", people.everyone(me));
        model.addAttribute("roles", roles.list(me.tenantId()));
        model.addAttribute("departments", people.departments(me.tenantId()));
        model.addAttribute("departmentNames", people.departmentNames(me.tenantId()));
        model.addAttribute("componentTypes", ComponentType.values());
        model.addAttribute("columnTypes", java.util.Arrays.stream(ComponentType.values())
                .filter(t -> t != ComponentType.TableField && t != ComponentType.TextNote).toList());
        model.addAttribute("operators", Condition.Operator.values());
        model.addAttribute("approverKinds", hk.lantau.approval.ApproverSource.ApproverKind.values());
        model.addAttribute("modes", ApprovalMode.values());
        model.addAttribute("emptyRules", EmptyApproverRule.values());
        model.addAttribute("selfRules", SelfApproverRule.values());
        model.addAttribute("timeoutActions", TimeoutAction.values());
        model.addAttribute("fields", form.getForm().stream()
                .filter(f -> f.getId() != null && !f.getId().isBlank()).toList());
        model.addAttribute("exported", Json.write(form.toDefinition()));
        model.addAttribute("action", view == null ? "/admin/approval-templates/new"
                : "/admin/approval-templates/" + view.processCode());
        return "approvals/editor";
    }

    /** Everyone here needs {@code approval.templates}; without it the page is 403 and names it. */
    private static Person allowed() {
        Person me = Person.current();
        CurrentActor.require(Permission.APPROVAL_TEMPLATES);
        return me;
    }
}
