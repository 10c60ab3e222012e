package hk.lantau.forms;

/** When a form's rounds open. */
public enum ScheduleKind {
    /** One round, on {@code date}. */
    ONCE,
    /** Every day. */
    DAILY,
    /** Monday to Friday, except the organisation's holidays (attendance's holiday calendar). */
    WORKING_DAYS,
    /** On the chosen {@code daysOfWeek}. */
    WEEKLY
}
