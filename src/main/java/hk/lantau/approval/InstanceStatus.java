package hk.lantau.approval;

/** An instance's state, as DingTalk reports it. */
public enum InstanceStatus {
    RUNNING,
    /** Every step agreed, or one refused: see the result. */
    COMPLETED,
    /** Ended by an admin or an integration. */
    TERMINATED,
    /** Withdrawn by the originator while pending. */
    CANCELED
}
