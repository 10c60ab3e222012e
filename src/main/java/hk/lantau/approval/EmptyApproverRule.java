package hk.lantau.approval;

/** What an approver step does when it finds nobody (a role nobody holds, no manager). */
public enum EmptyApproverRule {
    /** Pass the step as agreed, with a record saying why. */
    SKIP,
    /** Send the task to the template's {@code fallbackApproverUserId}. */
    TO_ADMIN
}
