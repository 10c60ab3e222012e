package hk.lantau.approval;

/** What an approver step does when one of its approvers is the originator. */
public enum SelfApproverRule {
    /** The originator decides like any other approver. */
    ORIGINATOR_DECIDES,
    /** The originator's part passes as agreed, with a record saying why. */
    AUTO_PASS,
    /** The originator's part goes to their own manager instead. */
    TO_MANAGER
}
