package hk.lantau.approval;

import java.time.Instant;

/**
 * A task was given to someone: a step began, a task was transferred or escalated to them
 * (DingTalk {@code bpms_task_change}, type {@code start}).
 */
public record ApprovalTaskAssigned(long tenantId, String instanceId, long taskId, String processCode, String title,
                                   String originatorUserId, String assigneeUserId, String activityId,
                                   Instant createTime, Instant dueAt) {
}
