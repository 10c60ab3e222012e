package hk.lantau.openplatform;

import java.time.Instant;
import java.util.List;

/**
 * An app's webhook subscription; never carries its secret.
 *
 * @param secretHint          the last characters of the current signing secret, to tell secrets apart
 * @param previousSecretUntil after a rotation, until when deliveries are also signed with the previous secret
 * @param pausedReason        {@code admin} or {@code failing} (no successful delivery for days), when paused
 * @param failingSince        the first failed attempt since the last success, while attempts fail
 */
public record SubscriptionView(long id, long appId, String callbackUrl, List<String> eventTypes,
                               SubscriptionStatus status, String secretHint, Instant previousSecretUntil,
                               String pausedReason, Instant pausedAt, Instant failingSince, Instant lastSuccessAt,
                               String createdBy, Instant createdAt, Instant updatedAt) {

    public static final String PAUSED_BY_ADMIN = "admin";
    public static final String PAUSED_FAILING = "failing";

    public SubscriptionView {
        eventTypes = List.copyOf(eventTypes);
    }
}
