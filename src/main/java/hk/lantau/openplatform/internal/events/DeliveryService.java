package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.Deliveries;
import hk.lantau.openplatform.DeliveryQuery;
import hk.lantau.openplatform.DeliveryReplayed;
import hk.lantau.openplatform.DeliveryStatus;
import hk.lantau.openplatform.DeliveryView;
import hk.lantau.openplatform.PlatformEventType;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DeliveryService implements Deliveries {

    private final DeliveryLogRepository deliveryLog;
    private final SubscriptionRepository subscriptions;
    private final Apps apps;
    private final DeliveryWakeup wakeup;
    private final ApplicationEventPublisher events;
    private final WebhookSettings settings;
    private final Clock clock;

    DeliveryService(DeliveryLogRepository deliveryLog, SubscriptionRepository subscriptions, Apps apps,
                    DeliveryWakeup wakeup, ApplicationEventPublisher events, WebhookSettings settings, Clock clock) {
        this.deliveryLog = deliveryLog;
        this.subscriptions = subscriptions;
        this.apps = apps;
        this.wakeup = wakeup;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<DeliveryView> search(long tenantId, long appId, DeliveryQuery query, String cursor, int limit) {
        SubscriptionService.app(apps, tenantId, appId);
        if (query.eventType() != null && PlatformEventType.fromKey(query.eventType()).isEmpty()) {
            throw LantauException.invalidField("eventType", "openplatform.event_type_unknown",
                    "There is no such event type; GET /api/v1/webhooks/event-types lists them.");
        }
        checkRange(query.from(), query.to());
        DeliveryCursor after = cursor == null || cursor.isBlank() ? null : DeliveryCursor.decode(cursor);
        List<DeliveryView> rows = deliveryLog.search(tenantId, appId, query,
                after == null ? null : after.eventTime(), after == null ? null : after.id(), limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        DeliveryView last = rows.get(limit - 1);
        return new CursorPage<>(rows.subList(0, limit), new DeliveryCursor(last.eventTime(), last.id()).encode());
    }

    @Override
    @Transactional(readOnly = true)
    public DeliveryView get(long tenantId, long appId, long deliveryId) {
        SubscriptionService.app(apps, tenantId, appId);
        return deliveryLog.find(tenantId, appId, deliveryId).orElseThrow(DeliveryService::notFound);
    }

    @Override
    @Transactional
    public DeliveryView replay(long tenantId, long appId, long deliveryId) {
        DeliveryView delivery = get(tenantId, appId, deliveryId);
        if (delivery.status() == DeliveryStatus.CANCELLED) {
            throw LantauException.conflict("openplatform.delivery_cancelled",
                    "This delivery's subscription was deleted; it cannot be sent again.");
        }
        Instant now = clock.instant();
        deliveryLog.replay(tenantId, deliveryId, now, now.plus(settings.retryFor()));
        events.publishEvent(new DeliveryReplayed(tenantId, appId, delivery.subscriptionId(), deliveryId, null, null,
                1));
        wakeup.afterCommit();
        return get(tenantId, appId, deliveryId);
    }

    @Override
    @Transactional
    public int replay(long tenantId, long appId, long subscriptionId, Instant from, Instant to) {
        SubscriptionService.app(apps, tenantId, appId);
        subscriptions.find(tenantId, appId, subscriptionId).orElseThrow(SubscriptionService::notFound);
        if (from == null || to == null) {
            throw LantauException.invalidField(from == null ? "from" : "to", "openplatform.range_required",
                    "A replay needs a time range: from and to.");
        }
        checkRange(from, to);
        Instant now = clock.instant();
        int count = deliveryLog.replayRange(tenantId, subscriptionId, from, to, now, now.plus(settings.retryFor()));
        events.publishEvent(new DeliveryReplayed(tenantId, appId, subscriptionId, null, from, to, count));
        if (count > 0) {
            wakeup.afterCommit();
        }
        return count;
    }

    private static void checkRange(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw LantauException.invalidField("to", "openplatform.range_invalid", "The range must end after it starts.");
        }
    }

    private static LantauException notFound() {
        return LantauException.notFound("openplatform.delivery_not_found", "There is no such delivery.");
    }
}
