package hk.lantau.openplatform;

import java.util.Map;

/** A subscription was paused by an admin, or automatically because it kept failing ({@code reason}). */
public record SubscriptionPaused(Long tenantId, long appId, long subscriptionId, String reason)
        implements SubscriptionAudited {

    @Override
    public String action() {
        return "openplatform.subscription.paused";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("appId", appId, "reason", reason);
    }
}
