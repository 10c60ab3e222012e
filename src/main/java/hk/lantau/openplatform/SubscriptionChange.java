package hk.lantau.openplatform;

import java.util.List;

/** A partial change of a subscription; {@code null} leaves a value as it is. */
public record SubscriptionChange(String callbackUrl, List<String> eventTypes) {

    public SubscriptionChange {
        eventTypes = eventTypes == null ? null : List.copyOf(eventTypes);
    }
}
