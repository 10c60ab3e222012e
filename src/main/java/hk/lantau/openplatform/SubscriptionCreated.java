package hk.lantau.openplatform;

import java.util.List;
import java.util.Map;

/** An admin subscribed an app to events. {@code callback} leaves out the URL's query, which may hold a token. */
public record SubscriptionCreated(Long tenantId, long appId, long subscriptionId, String callback,
                                  List<String> eventTypes) implements SubscriptionAudited {

    public SubscriptionCreated {
        eventTypes = List.copyOf(eventTypes);
    }

    @Override
    public String action() {
        return "openplatform.subscription.created";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("appId", appId, "callback", callback, "eventTypes", eventTypes);
    }
}
