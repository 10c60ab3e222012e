package hk.lantau.approval.web;

import hk.lantau.approval.ApprovalTasks;
import hk.lantau.approval.Decision;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.TaskView;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approval-tasks")
@Tag(name = "Approval tasks", description = "The tasks approvers decide: agree or refuse with a comment, or hand "
        + "on to someone else. taskId is a number, as in DingTalk. Apps decide for the assignee named in "
        + "actingUserId.")
class ApprovalTaskController {

    private final ApprovalTasks tasks;

    ApprovalTaskController(ApprovalTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @PeopleOnly
    @Operation(summary = "My tasks: pending=true (default) oldest first, pending=false decided ones newest first")
    @ApiResponse(responseCode = "400", description = "approval.cursor_invalid")
    CursorPage<TaskView> mine(@RequestParam(defaultValue = "true") boolean pending,
                              @RequestParam(required = false) String cursor,
                              @RequestParam(defaultValue = "50") int limit) {
        return tasks.mine(tenant(), pending, cursor, limit);
    }

    @PostMapping("/{taskId}/decision")
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "Agree or refuse a task of mine (result agree or refuse), with an optional remark and "
            + "attachments",
            description = "A refusal ends the approval as COMPLETED/refuse; the last agreement of the last step "
                    + "ends it as COMPLETED/agree. Concurrent decisions on a countersign step are applied one by one.")
    @ApiResponse(responseCode = "400", description = "approval.decision_invalid, approval.comment_invalid, "
            + "approval.attachment_unknown, approval.acting_user_missing")
    @ApiResponse(responseCode = "403", description = "approval.not_assignee, approval.acting_user_forbidden")
    @ApiResponse(responseCode = "404", description = "approval.task_not_found")
    @ApiResponse(responseCode = "409", description = "approval.task_finished")
    InstanceView decide(@PathVariable long taskId, @RequestBody DecisionRequest request) {
        return tasks.decide(tenant(), taskId, new Decision(request.result(), request.remark(), request.attachmentIds(),
                request.actingUserId()));
    }

    @PostMapping("/{taskId}/transfer")
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "Hand a task of mine to another active person (REDIRECT_TASK)")
    @ApiResponse(responseCode = "400", description = "approval.transfer_target_invalid, approval.comment_invalid, "
            + "approval.acting_user_missing")
    @ApiResponse(responseCode = "403", description = "approval.not_assignee, approval.acting_user_forbidden")
    @ApiResponse(responseCode = "404", description = "approval.task_not_found")
    @ApiResponse(responseCode = "409", description = "approval.task_finished")
    InstanceView transfer(@PathVariable long taskId, @RequestBody TransferRequest request) {
        return tasks.transfer(tenant(), taskId, request.toUserId(), request.remark(), request.actingUserId());
    }

    record DecisionRequest(InstanceResult result, String remark, List<String> attachmentIds, String actingUserId) {
    }

    record TransferRequest(String toUserId, String remark, String actingUserId) {
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
