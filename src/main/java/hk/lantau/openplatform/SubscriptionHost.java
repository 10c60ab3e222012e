package hk.lantau.openplatform;

import java.time.Instant;

/** A host the organisation allowed as a callback target although it is internal (or plain http). */
public record SubscriptionHost(String host, String createdBy, Instant createdAt) {
}
