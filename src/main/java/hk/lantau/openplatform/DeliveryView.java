package hk.lantau.openplatform;

import java.time.Instant;
import java.util.List;

/**
 * One event for one subscription, with every attempt made.
 *
 * @param nextAttemptAt when the next attempt is due, while pending
 * @param giveUpAt      after this, a failed attempt makes the delivery dead
 */
public record DeliveryView(long id, long appId, long subscriptionId, String eventId, String eventType,
                           Instant eventTime, DeliveryStatus status, int attemptCount, Instant nextAttemptAt,
                           Instant giveUpAt, Instant deliveredAt, List<DeliveryAttempt> attempts) {

    public DeliveryView {
        attempts = List.copyOf(attempts);
    }
}
