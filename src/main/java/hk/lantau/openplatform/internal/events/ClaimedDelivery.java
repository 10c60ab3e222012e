package hk.lantau.openplatform.internal.events;

import java.time.Instant;

/** A delivery this node has claimed, with what it needs to send it. */
record ClaimedDelivery(long id, long tenantId, long appId, long subscriptionId, String eventId, String eventType,
                       int attempts, Instant giveUpAt, String leaseToken, Instant leaseUntil, String body,
                       String callbackUrl, String secretSealed, String previousSecretSealed,
                       Instant previousSecretUntil, String format) {

    @Override
    public String toString() {
        return "ClaimedDelivery[id=" + id + ", eventId=" + eventId + ", subscriptionId=" + subscriptionId + "]";
    }
}
