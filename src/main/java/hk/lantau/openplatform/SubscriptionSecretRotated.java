package hk.lantau.openplatform;

import java.time.Instant;
import java.util.Map;

/** A subscription got a new signing secret; the previous one also signs until {@code previousUntil}. */
public record SubscriptionSecretRotated(Long tenantId, long appId, long subscriptionId, String secretHint,
                                        Instant previousUntil) implements SubscriptionAudited {

    @Override
    public String action() {
        return "openplatform.subscription.secret_rotated";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("appId", appId, "secretHint", secretHint, "previousUntil", previousUntil.toString());
    }
}
