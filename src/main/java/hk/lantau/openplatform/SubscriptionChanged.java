package hk.lantau.openplatform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A subscription's callback or event types changed; values map to {@code {from, to}}. */
public record SubscriptionChanged(Long tenantId, long appId, long subscriptionId, Map<String, Object> changes)
        implements SubscriptionAudited {

    public SubscriptionChanged {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    @Override
    public String action() {
        return "openplatform.subscription.changed";
    }
}
