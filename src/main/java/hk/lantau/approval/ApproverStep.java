package hk.lantau.approval;

/**
 * People who must decide before the process goes on.
 *
 * @param approvers  who they are
 * @param mode       how several approvers decide: one after another, all of them, or the first
 * @param ifEmpty    what happens when nobody is found (default {@link EmptyApproverRule#SKIP})
 * @param ifOriginator what happens when an approver is the originator (default
 *                   {@link SelfApproverRule#ORIGINATOR_DECIDES})
 * @param timeout    what happens to a task nobody handles in time (default 24 h, then
 *                   {@link TimeoutAction#ESCALATE}); {@code TimeoutAction.NONE} turns it off
 */
public record ApproverStep(String id, String name, ApproverSource approvers, ApprovalMode mode,
                           EmptyApproverRule ifEmpty, SelfApproverRule ifOriginator, TimeoutRule timeout)
        implements ProcessStep {

    public ApproverStep {
        mode = mode == null ? ApprovalMode.SEQUENTIAL : mode;
        ifEmpty = ifEmpty == null ? EmptyApproverRule.SKIP : ifEmpty;
        ifOriginator = ifOriginator == null ? SelfApproverRule.ORIGINATOR_DECIDES : ifOriginator;
        timeout = timeout == null ? TimeoutRule.DEFAULT : timeout;
    }
}
