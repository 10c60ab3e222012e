package hk.lantau.approval;

import hk.lantau.shared.CursorPage;

/** The tasks of the current person, and deciding them. */
public interface ApprovalTasks {

    /** Pending tasks oldest first, or decided ones newest first. */
    CursorPage<TaskView> mine(long tenantId, boolean pending, String cursor, int limit);

    /** Agree or refuse; 409 {@code approval.task_finished} when the task is no longer running. */
    InstanceView decide(long tenantId, long taskId, Decision decision);

    /** Hands the task to someone else, who must be an active person. */
    InstanceView transfer(long tenantId, long taskId, String toUserId, String remark, String actingUserId);
}
