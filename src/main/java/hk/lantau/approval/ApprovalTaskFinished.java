package hk.lantau.approval;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task ended (DingTalk {@code bpms_task_change}, types {@code finish}, {@code cancel},
 * {@code redirect}). {@code userId} is the assignee; {@code automatic} when Lantau decided it (a
 * time-out, a skipped step); {@code redirectedTo} for transfers. The remark reaches subscribers
 * but never the audit trail.
 */
public record ApprovalTaskFinished(Long tenantId, String instanceId, long taskId, String processCode, String title,
                                   String originatorUserId, String userId, String activityId, TaskOutcome outcome,
                                   InstanceResult result, String remark, boolean automatic, String redirectedTo,
                                   Instant finishTime) implements ApprovalAudited {

    @Override
    public String action() {
        return switch (outcome) {
            case FINISH -> "approval.task.decided";
            case CANCEL -> "approval.task.canceled";
            case REDIRECT -> "approval.task.transferred";
        };
    }

    @Override
    public String targetType() {
        return "approval";
    }

    @Override
    public String targetId() {
        return instanceId;
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("taskId", taskId);
        changes.put("assignee", userId);
        if (result != null) {
            changes.put("result", result.wire());
        }
        if (redirectedTo != null) {
            changes.put("to", redirectedTo);
        }
        changes.put("automatic", automatic);
        return changes;
    }
}
