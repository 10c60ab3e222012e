package hk.lantau.approval.internal.engine;

import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.TaskStatus;
import hk.lantau.approval.TimeoutAction;
import hk.lantau.approval.internal.engine.TaskRepository.TaskRow;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What Lantau's own jobs do to tasks (time-outs, reminders), without a person's permissions: they
 * act for the organisation. Each call runs in its own transaction with the instance locked, and
 * is retried like people's decisions: call it outside any transaction of the caller's, one task
 * at a time, so one task's failure leaves the others alone.
 */
@Component
public class TaskOperations {

    private final TaskActions actions;
    private final TaskRepository tasks;
    private final Retrying retrying;

    TaskOperations(TaskActions actions, TaskRepository tasks, Retrying retrying) {
        this.actions = actions;
        this.tasks = tasks;
        this.retrying = retrying;
    }

    /**
     * A running task, as the mirror holds it.
     *
     * @param dueAt when its step's time-out acts, {@code null} without one
     */
    public record PendingTask(long taskId, String instanceId, String assigneeUserId, String activityId,
                              String activityName, Instant createdAt, Instant dueAt, TimeoutAction timeoutAction) {
    }

    /**
     * Decides a running task as Lantau (recorded as {@code EXECUTE_TASK_AUTO} for its assignee, the
     * event marked automatic). 404 {@code approval.task_not_found}, 409 {@code approval.task_finished}.
     */
    public void autoDecide(long tenantId, long taskId, InstanceResult result, String reason) {
        retrying.inTransaction(() -> {
            TaskActions.Locked locked = actions.lock(tenantId, taskId, instance -> { });
            actions.decide(locked, result, reason, List.of(), null, true);
            return null;
        });
    }

    /**
     * Hands a running task to another active person as Lantau ({@code REDIRECT_TASK} with no
     * acting person); the new task is due afresh by its step's time-out.
     */
    public void escalate(long tenantId, long taskId, String toUserId) {
        retrying.inTransaction(() -> {
            TaskActions.Locked locked = actions.lock(tenantId, taskId, instance -> { });
            actions.transfer(locked, toUserId, null, null);
            return null;
        });
    }

    /**
     * The organisation's running tasks oldest first, with a task id after {@code afterTaskId} (0 from
     * the start), at most {@code limit} (1 to 1,000): what a reminder digest walks.
     */
    public List<PendingTask> pending(long tenantId, long afterTaskId, int limit) {
        return tasks.pending(tenantId, afterTaskId, Math.max(1, Math.min(limit, 1_000))).stream()
                .filter(row -> row.status() == TaskStatus.RUNNING)
                .map(TaskOperations::pending)
                .toList();
    }

    private static PendingTask pending(TaskRow row) {
        return new PendingTask(row.id(), row.instanceId(), row.assignee(), row.activityId(), row.activityName(),
                row.createdAt(), row.dueAt(), row.timeoutAction());
    }
}
