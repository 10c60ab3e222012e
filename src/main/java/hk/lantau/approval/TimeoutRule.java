package hk.lantau.approval;

import java.time.Duration;

/** What happens to a task that nobody has handled {@code after} it was assigned (default 24 h, escalate). */
public record TimeoutRule(Duration after, TimeoutAction action) {

    public static final TimeoutRule DEFAULT = new TimeoutRule(Duration.ofHours(24), TimeoutAction.ESCALATE);

    public TimeoutRule {
        after = after == null ? Duration.ofHours(24) : after;
        action = action == null ? TimeoutAction.ESCALATE : action;
    }
}
