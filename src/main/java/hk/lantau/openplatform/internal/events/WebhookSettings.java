package hk.lantau.openplatform.internal.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings of the installation.
 *
 * @param deliveryTimeout     connect plus answer, after which an attempt has failed
 * @param deliveryConcurrency attempts in flight at once on this node
 * @param deliveryLease       how long a node's claim on a delivery lasts; a killed node's claims expire after it
 * @param deliveryPoll        how often a node looks for due deliveries when nothing woke it
 * @param retryFor            retries go on at least this long after the event (or a replay), then it is dead
 * @param retryBase           the first retry's backoff ceiling; each retry doubles it
 * @param retryCap            the highest backoff ceiling
 * @param deliveryRetention   how long the delivery log is kept after a delivery's last activity
 * @param pauseFailingAfter   a subscription without a successful attempt for this long is paused
 * @param secretOverlap       after a rotation, how long the previous secret still signs
 */
@ConfigurationProperties("lantau.openplatform")
record WebhookSettings(@DefaultValue("3s") Duration deliveryTimeout,
                       @DefaultValue("32") int deliveryConcurrency,
                       @DefaultValue("60s") Duration deliveryLease,
                       @DefaultValue("1s") Duration deliveryPoll,
                       @DefaultValue("24h") Duration retryFor,
                       @DefaultValue("10s") Duration retryBase,
                       @DefaultValue("1h") Duration retryCap,
                       @DefaultValue("180d") Duration deliveryRetention,
                       @DefaultValue("3d") Duration pauseFailingAfter,
                       @DefaultValue("24h") Duration secretOverlap) {
}
