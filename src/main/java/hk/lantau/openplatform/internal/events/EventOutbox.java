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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a domain event into a platform event: within the transaction of the change, it writes the
 * event and one delivery per active subscription that wants its type and whose app's scopes allow
 * it, so the change, the event and its deliveries commit or roll back together. After the commit
 * it hands the new deliveries to this node's worker. Nothing is written when nobody subscribed.
 */
@Component
class EventOutbox {

    private static final Object BATCH_KEY = new Object();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    // Our own mapper: nulls stay in the payload, so every field of a type is always present.
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final Apps apps;
    private final Organisations organisations;
    private final ObjectProvider<DeliveryWorker> worker;
    private final WebhookSettings settings;
    private final Clock clock;

    EventOutbox(SubscriptionRepository subscriptions, DeliveryRepository deliveries, Apps apps,
                Organisations organisations, ObjectProvider<DeliveryWorker> worker, WebhookSettings settings,
                Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.apps = apps;
        this.organisations = organisations;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
    }

    /** Publishes an event of the organisation; {@code data} must hold identifiers and unprotected fields only. */
    void publish(long tenantId, PlatformEventType type, Map<String, Object> data) {
        Batch batch = batch();
        Recipients recipients = batch.recipients.computeIfAbsent(tenantId, this::recipients);
        List<StoredSubscription> targets = recipients.wanting(type);
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        write(batch, tenantId, id, type.key(), type.version(), now, body(id, type, now, recipients.organisation(), data),
                targets);
    }

    /** Publishes an event in another module's format to that format's subscriptions; see FormattedSubscriptions. */
    void publishFormatted(long tenantId, String format, String eventType, String eventId, Instant occurredAt,
                          String body, Scope readScope) {
        Batch batch = batch();
        Recipients recipients = batch.recipients.computeIfAbsent(tenantId, this::recipients);
        List<StoredSubscription> targets = recipients.wanting(format, eventType, readScope);
        if (!targets.isEmpty()) {
            write(batch, tenantId, eventId, eventType, 1, occurredAt.truncatedTo(ChronoUnit.MILLIS), body, targets);
        }
    }

    private void write(Batch batch, long tenantId, String id, String type, int version, Instant now, String body,
                       List<StoredSubscription> targets) {
        deliveries.insertEvent(id, tenantId, type, version, now, body);
        Instant giveUpAt = now.plus(settings.retryFor());
        for (StoredSubscription target : targets) {
            long deliveryId = deliveries.insert(id, type, now, target, giveUpAt, batch.leaseToken, batch.leaseUntil);
            if (batch.leaseToken != null) {
                batch.leased.add(new ClaimedDelivery(deliveryId, tenantId, target.appId(), target.id(), id, type,
                        0, giveUpAt, batch.leaseToken, batch.leaseUntil, body, target.callbackUrl(),
                        target.secretSealed(), target.previousSecretSealed(), target.previousSecretUntil(),
                        target.format()));
            }
        }
        if (batch.transactional) {
            batch.wrote = true;
        } else {
            worker.ifAvailable(DeliveryWorker::wake);
        }
    }

    private static String body(String id, PlatformEventType type, Instant time, Organisation organisation,
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

    /**
     * The current transaction's batch. Its deliveries are written already leased by this node, and
     * handed to the local worker once the transaction commits: no claim round trip and no poll
     * between a commit and the first attempt. Should the node die first, the leases expire and any
     * node sends them. Outside a transaction, or without a worker, deliveries wait to be claimed.
     */
    private Batch batch() {
        DeliveryWorker local = worker.getIfAvailable();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Batch(false, null, null);
        }
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(BATCH_KEY);
        if (batch == null) {
            Batch created = local == null ? new Batch(true, null, null)
                    : new Batch(true, UUID.randomUUID().toString(), clock.instant().plus(settings.deliveryLease()));
            TransactionSynchronizationManager.bindResource(BATCH_KEY, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    if (!created.leased.isEmpty() && local != null) {
                        local.handOff(created.leased);
                    } else if (created.wrote) {
                        worker.ifAvailable(DeliveryWorker::wake);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BATCH_KEY);
                }
            });
            batch = created;
        }
        return batch;
    }

    /** One transaction's look-ups (a bulk import reads each organisation's subscriptions once) and deliveries. */
    private static final class Batch {
        final boolean transactional;
        final String leaseToken;
        final Instant leaseUntil;
        final Map<Long, Recipients> recipients = new HashMap<>();
        final List<ClaimedDelivery> leased = new ArrayList<>();
        boolean wrote;

        Batch(boolean transactional, String leaseToken, Instant leaseUntil) {
            this.transactional = transactional;
            this.leaseToken = leaseToken;
            this.leaseUntil = leaseUntil;
        }
    }

    /** An organisation's active subscriptions and their apps at the time of the change. */
    private record Recipients(Organisation organisation, List<StoredSubscription> subscriptions,
                              Map<Long, Optional<AppView>> apps) {

        List<StoredSubscription> wanting(PlatformEventType type) {
            return subscriptions.stream()
                    .filter(StoredSubscription::lantau)
                    .filter(s -> s.eventTypes().contains(type.key()))
                    .filter(s -> apps.get(s.appId()).filter(app -> allows(app, type)).isPresent())
                    .toList();
        }

        List<StoredSubscription> wanting(String format, String eventType, Scope readScope) {
            return subscriptions.stream()
                    .filter(s -> s.format().equals(format) && s.eventTypes().contains(eventType))
                    .filter(s -> apps.get(s.appId()).filter(app -> app.active() && app.has(readScope)).isPresent())
                    .toList();
        }

        private static boolean allows(AppView app, PlatformEventType type) {
            return app.active() && app.has(Scope.EVENT_SUBSCRIBE) && app.has(type.readScope());
        }
    }
}
