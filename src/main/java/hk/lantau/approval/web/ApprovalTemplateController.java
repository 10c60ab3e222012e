package hk.lantau.approval.web;

import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.ApprovalTemplates.VariableValue;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.approval.TemplateSummary;
import hk.lantau.approval.TemplateView;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approval-templates")
@Tag(name = "Approval templates", description = "DingTalk-style approval templates: a form and a nested process of "
        + "approver, CC and branch steps, compiled to BPMN 2.0. Every save is a new version; running approvals "
        + "finish on the version they started with. See docs/approvals.md.")
class ApprovalTemplateController {

    private final ApprovalTemplates templates;

    ApprovalTemplateController(ApprovalTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    @RequiresScope(Scope.APPROVAL_READ)
    @Operation(summary = "The organisation's enabled templates; includeDisabled=true adds disabled ones for "
            + "callers with approval.templates")
    List<TemplateSummary> list(@RequestParam(defaultValue = "false") boolean includeDisabled) {
        return templates.list(tenant(), includeDisabled);
    }

    @PostMapping
    @RequiresScope(Scope.APPROVAL_TEMPLATE)
    @Operation(summary = "Create a template; needs approval.templates",
            description = "Validates the form and the process, compiles it to BPMN and deploys version 1.")
    @ApiResponse(responseCode = "201", description = "The template at version 1")
    @ApiResponse(responseCode = "400", description = "approval.template_invalid with errors such as "
            + "approval.step_id_invalid, approval.approvers_invalid, approval.process_unreachable_end, "
            + "approval.fallback_missing, approval.user_unknown, approval.department_unknown")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    ResponseEntity<TemplateView> create(@RequestBody TemplateDefinition definition) {
        TemplateView view = templates.create(tenant(), definition);
        return ResponseEntity.created(URI.create("/api/v1/approval-templates/" + view.processCode())).body(view);
    }

    @GetMapping("/{processCode}")
    @RequiresScope(Scope.APPROVAL_READ)
    @Operation(summary = "A template at its latest version")
    @ApiResponse(responseCode = "404", description = "approval.template_not_found")
    TemplateView get(@PathVariable String processCode) {
        return templates.get(tenant(), processCode);
    }

    @PutMapping("/{processCode}")
    @RequiresScope(Scope.APPROVAL_TEMPLATE)
    @Operation(summary = "Save a changed definition as a new version; needs approval.templates")
    @ApiResponse(responseCode = "400", description = "approval.template_invalid")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    @ApiResponse(responseCode = "404", description = "approval.template_not_found")
    TemplateView update(@PathVariable String processCode, @RequestBody TemplateDefinition definition) {
        return templates.update(tenant(), processCode, definition);
    }

    @GetMapping("/{processCode}/versions/{version}")
    @RequiresScope(Scope.APPROVAL_READ)
    @Operation(summary = "A template at one version")
    @ApiResponse(responseCode = "404", description = "approval.template_not_found, approval.template_version_not_found")
    TemplateView version(@PathVariable String processCode, @PathVariable int version) {
        return templates.get(tenant(), processCode, version);
    }

    @GetMapping(value = "/{processCode}/versions/{version}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    @RequiresScope(Scope.APPROVAL_READ)
    @Operation(summary = "Download the BPMN 2.0 XML a version compiled to")
    @ApiResponse(responseCode = "404", description = "approval.template_not_found, approval.template_version_not_found")
    ResponseEntity<String> bpmn(@PathVariable String processCode, @PathVariable int version) {
        String xml = templates.bpmn(tenant(), processCode, version);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + processCode + "-v" + version + ".bpmn20.xml\"")
                .contentType(MediaType.APPLICATION_XML).body(xml);
    }

    @PostMapping("/{processCode}/enable")
    @RequiresScope(Scope.APPROVAL_TEMPLATE)
    @Operation(summary = "Take new submissions again; needs approval.templates")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    @ApiResponse(responseCode = "404", description = "approval.template_not_found")
    TemplateView enable(@PathVariable String processCode) {
        return templates.setEnabled(tenant(), processCode, true);
    }

    @PostMapping("/{processCode}/disable")
    @RequiresScope(Scope.APPROVAL_TEMPLATE)
    @Operation(summary = "Take no new submissions; running approvals go on. Needs approval.templates")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    @ApiResponse(responseCode = "404", description = "approval.template_not_found")
    TemplateView disable(@PathVariable String processCode) {
        return templates.setEnabled(tenant(), processCode, false);
    }

    @GetMapping("/{processCode}/variables")
    @RequiresScope(Scope.APPROVAL_TEMPLATE)
    @Operation(summary = "The values set per department for the template's variables; needs approval.templates")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    @ApiResponse(responseCode = "404", description = "approval.template_not_found")
    List<VariableValue> variables(@PathVariable String processCode) {
        return templates.variableValues(tenant(), processCode);
    }

    @PutMapping("/{processCode}/variables")
    @RequiresScope(Scope.APPROVAL_TEMPLATE)
    @Operation(summary = "Set a variable's value for a department and the ones below it (value null clears it); "
            + "needs approval.templates")
    @ApiResponse(responseCode = "204", description = "Set")
    @ApiResponse(responseCode = "400", description = "approval.department_unknown, approval.variable_value_invalid")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    @ApiResponse(responseCode = "404", description = "approval.template_not_found, approval.variable_not_found")
    ResponseEntity<Void> setVariable(@PathVariable String processCode, @RequestBody VariableRequest request) {
        templates.setVariable(tenant(), processCode, request.key(), request.departmentId(), request.value());
        return ResponseEntity.noContent().build();
    }

    record VariableRequest(String key, long departmentId, String value) {
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
