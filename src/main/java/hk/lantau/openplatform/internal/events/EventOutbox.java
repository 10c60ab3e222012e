package hk.lantau.openplatform.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.PlatformEventType;
import hk.lantau.shared.Scope;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a domain event into a platform event: within the transaction of the change, it writes the
 * event and one delivery per active subscription that wants its type and whose app's scopes allow
 * it, so the change, the event and its deliveries commit or roll back together. After the commit
 * it wakes the delivery worker. Nothing is written when nobody subscribed.
 */
@Component
class EventOutbox {

    private static final Object CACHE_KEY = new Object();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    // Our own mapper: nulls stay in the payload, so every field of a type is always present.
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final Apps apps;
    private final Organisations organisations;
    private final DeliveryWakeup wakeup;
    private final WebhookSettings settings;
    private final Clock clock;

    EventOutbox(SubscriptionRepository subscriptions, DeliveryRepository deliveries, Apps apps,
                Organisations organisations, DeliveryWakeup wakeup, WebhookSettings settings,
                Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.apps = apps;
        this.organisations = organisations;
        this.wakeup = wakeup;
        this.settings = settings;
        this.clock = clock;
    }

    /** Publishes an event of the organisation; {@code data} must hold identifiers and unprotected fields only. */
    void publish(long tenantId, PlatformEventType type, Map<String, Object> data) {
        Map<Long, Recipients> cache = transactionCache();
        Recipients recipients = cache == null ? recipients(tenantId) : cache.computeIfAbsent(tenantId, this::recipients);
        List<StoredSubscription> targets = recipients.wanting(type);
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        deliveries.insertEvent(id, tenantId, type.key(), type.version(), now,
                body(id, type, now, recipients.organisation(), data));
        Instant giveUpAt = now.plus(settings.retryFor());
        for (StoredSubscription target : targets) {
            deliveries.insert(id, type.key(), now, target, giveUpAt);
        }
        wakeup.afterCommit();
    }

    static String body(String id, PlatformEventType type, Instant time, Organisation organisation,
                       Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", type.key());
        envelope.put("version", type.version());
        envelope.put("time", TIME.format(time.atZone(organisation.timeZone()).toOffsetDateTime()));
        envelope.put("organisation", organisation.corpId());
        envelope.put("data", data);
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The data of a platform event must be JSON-friendly values", e);
        }
    }

    private Recipients recipients(long tenantId) {
        List<StoredSubscription> active = subscriptions.active(tenantId);
        Map<Long, Optional<AppView>> appsById = new HashMap<>();
        active.forEach(s -> appsById.computeIfAbsent(s.appId(), id -> apps.find(tenantId, id)));
        Organisation organisation = active.isEmpty() ? null : organisations.get(tenantId);
        return new Recipients(organisation, active, appsById);
    }

    /** This transaction's look-ups, so a bulk import reads each organisation's subscriptions once. */
    @SuppressWarnings("unchecked")
    private static Map<Long, Recipients> transactionCache() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<Long, Recipients> cache = (Map<Long, Recipients>) TransactionSynchronizationManager.getResource(CACHE_KEY);
        if (cache == null) {
            cache = new HashMap<>();
            TransactionSynchronizationManager.bindResource(CACHE_KEY, cache);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CACHE_KEY);
                }
            });
        }
        return cache;
    }

    /** An organisation's active subscriptions and their apps at the time of the change. */
    private record Recipients(Organisation organisation, List<StoredSubscription> subscriptions,
                              Map<Long, Optional<AppView>> apps) {

        List<StoredSubscription> wanting(PlatformEventType type) {
            return subscriptions.stream()
                    .filter(s -> s.eventTypes().contains(type.key()))
                    .filter(s -> apps.get(s.appId()).filter(app -> allows(app, type)).isPresent())
                    .toList();
        }

        private static boolean allows(AppView app, PlatformEventType type) {
            return app.active() && app.has(Scope.EVENT_SUBSCRIBE) && app.has(type.readScope());
        }
    }
}
