package hk.lantau.approval;

import java.time.Instant;

/**
 * One approver's task, shaped like DingTalk's {@code tasks[]}; {@code taskId} is a number as in
 * DingTalk. {@code dueAt} is when its step's time-out acts ({@code null} without one).
 */
public record TaskView(long taskId, String instanceId, String processCode, String title, String userId,
                       TaskStatus status, InstanceResult result, String activityId, String activityName,
                       Instant createTime, Instant finishTime, Instant dueAt) {
}
