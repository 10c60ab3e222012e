package hk.lantau.openplatform;

import java.util.Map;

/** A subscription was deleted; {@code cancelled} deliveries were still pending. */
public record SubscriptionDeleted(Long tenantId, long appId, long subscriptionId, int cancelled)
        implements SubscriptionAudited {

    @Override
    public String action() {
        return "openplatform.subscription.deleted";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("appId", appId, "cancelledDeliveries", cancelled);
    }
}
