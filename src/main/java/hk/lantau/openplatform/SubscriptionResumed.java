package hk.lantau.openplatform;

import java.util.Map;

public record SubscriptionResumed(Long tenantId, long appId, long subscriptionId) implements SubscriptionAudited {

    @Override
    public String action() {
        return "openplatform.subscription.resumed";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("appId", appId);
    }
}
