package hk.lantau.openplatform.internal.events;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.FormattedSubscription;
import hk.lantau.openplatform.FormattedSubscriptions;
import hk.lantau.openplatform.OutgoingCall;
import hk.lantau.openplatform.SubscriptionChanged;
import hk.lantau.openplatform.SubscriptionCreated;
import hk.lantau.openplatform.SubscriptionDeleted;
import hk.lantau.openplatform.SubscriptionStatus;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions in other modules' delivery formats. They live in {@code opf_subscription} beside
 * Lantau's own, so the outbox, claims, retries, pausing, replays and the delivery log serve them
 * unchanged; the format's secret is the subscription's sealed secret, resealed on key rotation
 * with the others.
 */
@Service
class FormattedSubscriptionService implements FormattedSubscriptions {

    /** Formats' secrets are keys, not signing secrets: the hint names no part of them. */
    private static final String NO_HINT = "-";

    private final SubscriptionRepository subscriptions;
    private final DeliveryLogRepository deliveryLog;
    private final HostRepository hosts;
    private final CallbackUrls urls;
    private final Apps apps;
    private final SecretSealing sealing;
    private final EventOutbox outbox;
    private final WebhookSender sender;
    private final DeliveryWakeup wakeup;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FormattedSubscriptionService(SubscriptionRepository subscriptions, DeliveryLogRepository deliveryLog,
                                 HostRepository hosts, CallbackUrls urls, Apps apps, SecretSealing sealing,
                                 EventOutbox outbox, WebhookSender sender, DeliveryWakeup wakeup,
                                 ApplicationEventPublisher events, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveryLog = deliveryLog;
        this.hosts = hosts;
        this.urls = urls;
        this.apps = apps;
        this.sealing = sealing;
        this.outbox = outbox;
        this.sender = sender;
        this.wakeup = wakeup;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<FormattedSubscription> find(long tenantId, long appId, String format) {
        SubscriptionService.app(apps, tenantId, appId);
        return subscriptions.findFormatted(tenantId, appId, format).map(this::view);
    }

    @Override
    @Transactional
    public FormattedSubscription save(long tenantId, long appId, String format, String callbackUrl,
                                      List<String> eventTypes, String secret) {
        SubscriptionService.app(apps, tenantId, appId);
        String url = urls.check(tenantId, callbackUrl);
        Instant now = clock.instant();
        Optional<StoredSubscription> current = subscriptions.findFormatted(tenantId, appId, format);
        long id;
        if (current.isEmpty()) {
            id = subscriptions.insert(tenantId, appId, url, eventTypes, "", NO_HINT, caller(), now);
            subscriptions.setFormat(id, format);
            events.publishEvent(new SubscriptionCreated(tenantId, appId, id, CallbackUrls.withoutQuery(url),
                    eventTypes));
        } else {
            StoredSubscription before = current.get();
            id = before.id();
            subscriptions.change(id, url, eventTypes, now);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("callback", fromTo(CallbackUrls.withoutQuery(before.callbackUrl()),
                    CallbackUrls.withoutQuery(url)));
            changes.put("eventTypes", fromTo(before.eventTypes(), eventTypes));
            changes.put("secret", "changed");
            events.publishEvent(new SubscriptionChanged(tenantId, appId, id, changes));
            if (subscriptions.resume(id, now)) {
                wakeup.afterCommit();
            }
        }
        subscriptions.rotate(id, sealing.seal(WebhookSigner.purpose(id), secret), NO_HINT, null, null, now);
        return subscriptions.findFormatted(tenantId, appId, format).map(this::view).orElseThrow();
    }

    @Override
    @Transactional
    public boolean delete(long tenantId, long appId, String format) {
        SubscriptionService.app(apps, tenantId, appId);
        Optional<StoredSubscription> current = subscriptions.findFormatted(tenantId, appId, format);
        if (current.isEmpty()) {
            return false;
        }
        long id = current.get().id();
        Instant now = clock.instant();
        int cancelled = deliveryLog.cancelPending(id, now);
        subscriptions.markDeleted(id, now);
        events.publishEvent(new SubscriptionDeleted(tenantId, appId, id, cancelled));
        return true;
    }

    @Override
    public Optional<String> probe(long tenantId, OutgoingCall call) {
        urls.check(tenantId, call.uri().toString());
        Set<String> allowed = hosts.allowed(List.of(tenantId)).getOrDefault(tenantId, Set.of());
        return sender.probe(call, allowed);
    }

    @Override
    public void publish(long tenantId, String format, String eventType, String eventId, Instant occurredAt,
                        String body, Scope readScope) {
        outbox.publishFormatted(tenantId, format, eventType, eventId, occurredAt, body, readScope);
    }

    private FormattedSubscription view(StoredSubscription s) {
        return new FormattedSubscription(s.id(), s.appId(), s.format(), s.callbackUrl(), s.eventTypes(),
                SubscriptionStatus.valueOf(s.status()), sealing.open(WebhookSigner.purpose(s.id()), s.secretSealed()));
    }

    /** Formats' secrets are keys, not signing secrets: the hint names no part of them. */
    private static String hint(String secret) {
        return "-";
    }

    private static String caller() {
        return CurrentActor.find().map(Actor::reference).orElse("system");
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }
}
