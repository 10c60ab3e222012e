package hk.lantau.approval;

/** How a task ended, in the terms of DingTalk's {@code bpms_task_change} types. */
public enum TaskOutcome {
    /** Decided: see the result. */
    FINISH,
    /** No longer needed (another or-sign approver decided, the instance ended). */
    CANCEL,
    /** Transferred, by its assignee or by a time-out's escalation. */
    REDIRECT
}
