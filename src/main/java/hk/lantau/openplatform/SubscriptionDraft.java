package hk.lantau.openplatform;

import java.util.List;

/** A new subscription: an https callback URL and event type keys such as {@code user.created}. */
public record SubscriptionDraft(String callbackUrl, List<String> eventTypes) {

    public SubscriptionDraft {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }
}
