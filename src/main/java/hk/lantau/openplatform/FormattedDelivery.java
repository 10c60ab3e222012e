package hk.lantau.openplatform;

/**
 * One attempt of a delivery in a format other than Lantau's.
 *
 * @param body   the event as its publisher stored it
 * @param secret the subscription's secret in clear, as its format set it
 */
public record FormattedDelivery(long tenantId, long appId, long subscriptionId, String eventId, String eventType,
                                String callbackUrl, String body, String secret) {

    @Override
    public String toString() {
        return "FormattedDelivery[subscriptionId=" + subscriptionId + ", eventId=" + eventId + "]";
    }
}
