package hk.lantau.openplatform;

/**
 * A way of sending events other than Lantau's signed webhooks, supplied by another module as a
 * bean and chosen by a subscription's format. The open platform keeps the outbox, the claims,
 * retries, the delivery log, replays and pausing; the format builds each attempt's request (fresh
 * every time) and judges the answer.
 */
public interface DeliveryFormat {

    /** The name stored on subscriptions, such as {@code dingtalk}. */
    String name();

    OutgoingCall prepare(FormattedDelivery delivery);
}
