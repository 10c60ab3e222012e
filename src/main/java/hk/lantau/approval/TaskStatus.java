package hk.lantau.approval;

/** A task's state, as DingTalk reports it. */
public enum TaskStatus {
    RUNNING,
    /** Decided by its assignee (or automatically on time-out). */
    COMPLETED,
    /** No longer needed: another approver of an or-sign step decided, or the instance ended. */
    CANCELED,
    /** Handed to someone else; the new task carries on. */
    REDIRECTED
}
