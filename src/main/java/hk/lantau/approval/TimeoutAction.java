package hk.lantau.approval;

/** A timed-out task is given to the approver's manager, decided automatically, or left alone. */
public enum TimeoutAction { ESCALATE, AUTO_APPROVE, AUTO_REJECT, NONE }
