package hk.lantau.attendance;

/** Who made a record, in DingTalk's {@code sourceType} values. */
public enum SourceType {
    /** The person clocked in themselves. */
    USER,
    /** An app (a clock-in device or an access-control system) recorded it for the person. */
    ATM,
    /** The daily close marked a missing punch. */
    SYSTEM,
    /** The daily close recorded a shift on approved leave: the record names the approval. */
    APPROVE
}
