package hk.lantau.approval.web;

import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.FormValue;
import hk.lantau.approval.InstanceQuery;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.InstanceSummary;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.NewInstance;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals", description = "Approval instances: submit, follow, withdraw, terminate and comment. An "
        + "approval is visible to its originator, its approvers, its CCs and holders of approval.read; to anyone "
        + "else it is 404. Status and result as DingTalk has them (RUNNING, COMPLETED, TERMINATED, CANCELED; "
        + "agree, refuse).")
class ApprovalController {

    private final ApprovalInstances instances;

    ApprovalController(ApprovalInstances instances) {
        this.instances = instances;
    }

    @PostMapping
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "Submit an approval on a template's latest version",
            description = "People submit for themselves; apps name originatorUserId. formValues in DingTalk's "
                    + "form_component_values shape; approverChoices names the people for steps the originator "
                    + "chooses. A repeated clientRequestId of the same originator returns the first approval.")
    @ApiResponse(responseCode = "201", description = "The approval")
    @ApiResponse(responseCode = "400", description = "approval.form_invalid (errors name each field), "
            + "approval.originator_unknown, approval.department_invalid, approval.approver_choice_invalid, "
            + "approval.attachment_unknown, approval.request_id_invalid")
    @ApiResponse(responseCode = "403", description = "approval.originator_forbidden")
    @ApiResponse(responseCode = "404", description = "approval.template_not_found")
    @ApiResponse(responseCode = "409", description = "approval.template_disabled")
    ResponseEntity<InstanceView> submit(@RequestBody SubmitRequest request) {
        InstanceView view = instances.submit(tenant(), request.toNewInstance());
        return ResponseEntity.created(URI.create("/api/v1/approvals/" + view.instanceId())).body(view);
    }

    @GetMapping
    @RequiresScope(Scope.APPROVAL_READ)
    @Operation(summary = "Approvals newest first: mine=true for my submissions, otherwise all (needs approval.read)")
    @ApiResponse(responseCode = "400", description = "approval.cursor_invalid, approval.query_invalid (mine=true "
            + "from an app)")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    CursorPage<InstanceSummary> search(@RequestParam(defaultValue = "false") boolean mine,
                                       @RequestParam(required = false) String processCode,
                                       @RequestParam(required = false) List<InstanceStatus> status,
                                       @RequestParam(required = false) List<String> originatorUserId,
                                       @RequestParam(required = false) Instant createdFrom,
                                       @RequestParam(required = false) Instant createdTo,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(defaultValue = "20") int limit) {
        return instances.search(tenant(), new InstanceQuery(mine, processCode, status, originatorUserId, createdFrom,
                createdTo), cursor, limit);
    }

    @GetMapping("/{instanceId}")
    @RequiresScope(Scope.APPROVAL_READ)
    @Operation(summary = "One approval with its form, tasks and operation records")
    @ApiResponse(responseCode = "404", description = "approval.instance_not_found")
    InstanceView get(@PathVariable String instanceId) {
        return instances.get(tenant(), instanceId);
    }

    @PostMapping("/{instanceId}/withdraw")
    @PeopleOnly
    @Operation(summary = "The originator withdraws a running approval (status CANCELED)")
    @ApiResponse(responseCode = "400", description = "approval.comment_invalid (a remark over 2,000 characters)")
    @ApiResponse(responseCode = "403", description = "approval.withdraw_forbidden")
    @ApiResponse(responseCode = "404", description = "approval.instance_not_found")
    @ApiResponse(responseCode = "409", description = "approval.instance_finished")
    InstanceView withdraw(@PathVariable String instanceId, @RequestBody(required = false) RemarkRequest request) {
        return instances.withdraw(tenant(), instanceId, request == null ? null : request.remark());
    }

    @PostMapping("/{instanceId}/terminate")
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "End a running approval (status TERMINATED); needs approval.manage")
    @ApiResponse(responseCode = "400", description = "approval.comment_invalid (a remark over 2,000 characters)")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    @ApiResponse(responseCode = "404", description = "approval.instance_not_found")
    @ApiResponse(responseCode = "409", description = "approval.instance_finished")
    InstanceView terminate(@PathVariable String instanceId, @RequestBody(required = false) RemarkRequest request) {
        return instances.terminate(tenant(), instanceId, request == null ? null : request.remark());
    }

    @PostMapping("/{instanceId}/comments")
    @PeopleOnly
    @Operation(summary = "Comment on an approval I can see, optionally with attachments (ADD_REMARK)")
    @ApiResponse(responseCode = "400", description = "approval.comment_invalid, approval.attachment_unknown")
    @ApiResponse(responseCode = "404", description = "approval.instance_not_found")
    ResponseEntity<InstanceView> comment(@PathVariable String instanceId, @RequestBody CommentRequest request) {
        InstanceView view = instances.comment(tenant(), instanceId, request.text(), request.attachmentIds());
        return ResponseEntity.status(201).body(view);
    }

    record SubmitRequest(String processCode, String originatorUserId, Long departmentId, List<FormValue> formValues,
                         Map<String, List<String>> approverChoices, List<String> attachmentIds,
                         String clientRequestId) {

        NewInstance toNewInstance() {
            return new NewInstance(processCode, originatorUserId, departmentId, formValues, approverChoices,
                    attachmentIds, clientRequestId);
        }
    }

    record RemarkRequest(String remark) {
    }

    record CommentRequest(String text, List<String> attachmentIds) {
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
