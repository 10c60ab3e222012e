package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.SubscriptionStatus;
import hk.lantau.openplatform.SubscriptionView;
import java.time.Instant;
import java.util.List;

/** A row of {@code opf_subscription}; {@code status} is ACTIVE, PAUSED or DELETED. */
record StoredSubscription(long id, long tenantId, long appId, String callbackUrl, List<String> eventTypes,
                          String status, String secretSealed, String secretHint, String previousSecretSealed,
                          Instant previousSecretUntil, String pausedReason, Instant pausedAt, Instant failingSince,
                          Instant lastSuccessAt, String createdBy, Instant createdAt, Instant updatedAt,
                          String format) {

    static final String DELETED = "DELETED";
    /** Lantau's own signed JSON; other formats are other modules' {@code DeliveryFormat}s. */
    static final String LANTAU = "lantau";

    StoredSubscription {
        eventTypes = List.copyOf(eventTypes);
    }

    boolean lantau() {
        return LANTAU.equals(format);
    }

    boolean paused() {
        return SubscriptionStatus.PAUSED.name().equals(status);
    }

    /** The previous secret, while it still signs. */
    boolean previousSecretValid(Instant now) {
        return previousSecretSealed != null && previousSecretUntil != null && now.isBefore(previousSecretUntil);
    }

    SubscriptionView view(Instant now) {
        return new SubscriptionView(id, appId, callbackUrl, eventTypes, SubscriptionStatus.valueOf(status),
                secretHint, previousSecretValid(now) ? previousSecretUntil : null, pausedReason, pausedAt,
                failingSince, lastSuccessAt, createdBy, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "StoredSubscription[id=" + id + ", tenantId=" + tenantId + ", appId=" + appId + "]";
    }
}
