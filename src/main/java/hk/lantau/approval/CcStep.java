package hk.lantau.approval;

/** People who are told the approval reached this point; they decide nothing. */
public record CcStep(String id, String name, ApproverSource recipients) implements ProcessStep {
}
