package hk.lantau.attendance;

/** What a group does with a punch outside all of its places. */
public enum OutsidePolicy {
    /** Refused with {@code attendance.outside_fence}. */
    REFUSE,
    /** Recorded with location result Outside, when the person gives a reason. */
    ACCEPT_WITH_REASON
}
