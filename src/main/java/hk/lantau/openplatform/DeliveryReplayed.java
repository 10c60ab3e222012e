package hk.lantau.openplatform;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An admin replayed deliveries of a subscription: one ({@code deliveryId}) or those of a range of
 * event times ({@code from}, {@code to}).
 */
public record DeliveryReplayed(Long tenantId, long appId, long subscriptionId, Long deliveryId, Instant from,
                               Instant to, int count) implements SubscriptionAudited {

    @Override
    public String action() {
        return "openplatform.delivery.replayed";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("appId", appId);
        if (deliveryId != null) {
            changes.put("deliveryId", deliveryId);
        } else {
            changes.put("from", from.toString());
            changes.put("to", to.toString());
        }
        changes.put("count", count);
        return changes;
    }
}
