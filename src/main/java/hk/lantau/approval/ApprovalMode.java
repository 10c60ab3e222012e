package hk.lantau.approval;

/** How the approvers of one step decide (DingTalk: 依次审批, 会签, 或签). */
public enum ApprovalMode {
    /** One after another, in order; each must agree. */
    SEQUENTIAL,
    /** All at once; all must agree (countersign, DingTalk {@code AND}). */
    COUNTERSIGN,
    /** All at once; the first decision counts (or-sign, DingTalk {@code OR}). */
    OR_SIGN
}
