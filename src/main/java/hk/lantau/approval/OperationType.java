package hk.lantau.approval;

/** What happened, in DingTalk's {@code operation_type} names. */
public enum OperationType {
    START_PROCESS_INSTANCE,
    EXECUTE_TASK_NORMAL,
    /** Decided by Lantau: an empty step skipped, an originator's part passed, a time-out. */
    EXECUTE_TASK_AUTO,
    REDIRECT_TASK,
    ADD_REMARK,
    PROCESS_CC,
    TERMINATE_PROCESS_INSTANCE,
    /** The originator withdrew it. */
    REVOKE_PROCESS_INSTANCE,
    FINISH_PROCESS_INSTANCE
}
