package hk.lantau.openplatform;

import hk.lantau.shared.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions in another module's {@link DeliveryFormat}, one per app and format, and the events
 * published for them. Lantau's own subscription API neither lists nor changes them; their
 * deliveries are in the app's delivery log. The format's module checks its event types and secret.
 */
public interface FormattedSubscriptions {

    Optional<FormattedSubscription> find(long tenantId, long appId, String format);

    /**
     * Creates or replaces the app's subscription in this format, checking the URL as for webhooks
     * (https unless the host is allowed for the organisation); a paused one is resumed.
     */
    FormattedSubscription save(long tenantId, long appId, String format, String callbackUrl, List<String> eventTypes,
                               String secret);

    /** Deletes it, cancelling what it still owes; false when there was none. */
    boolean delete(long tenantId, long appId, String format);

    /**
     * Sends one call now, outside the outbox, through the same guarded client as deliveries (for a
     * handshake before saving); answers why it failed, or empty when it succeeded.
     */
    Optional<String> probe(long tenantId, OutgoingCall call);

    /**
     * Publishes an event of the organisation to the active subscriptions in {@code format} that list
     * {@code eventType} and whose app is active and holds {@code readScope}, in the caller's
     * transaction. {@code body} is stored as given and handed to the format for each attempt.
     */
    void publish(long tenantId, String format, String eventType, String eventId, Instant occurredAt, String body,
                 Scope readScope);
}
