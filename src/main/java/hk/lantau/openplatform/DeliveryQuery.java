package hk.lantau.openplatform;

import java.time.Instant;

/** Filters of the delivery log; {@code null} filters nothing. The range is of event times, {@code to} excluded. */
public record DeliveryQuery(Long subscriptionId, String eventType, DeliveryStatus status, Instant from, Instant to) {
}
