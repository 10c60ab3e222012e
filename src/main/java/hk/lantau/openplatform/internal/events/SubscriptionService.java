package hk.lantau.openplatform.internal.events;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.SubscriptionChange;
import hk.lantau.openplatform.SubscriptionChanged;
import hk.lantau.openplatform.SubscriptionCreated;
import hk.lantau.openplatform.SubscriptionDeleted;
import hk.lantau.openplatform.SubscriptionDraft;
import hk.lantau.openplatform.SubscriptionPaused;
import hk.lantau.openplatform.SubscriptionResumed;
import hk.lantau.openplatform.SubscriptionSecret;
import hk.lantau.openplatform.SubscriptionSecretRotated;
import hk.lantau.openplatform.SubscriptionView;
import hk.lantau.openplatform.Subscriptions;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SubscriptionService implements Subscriptions {

    /** Enough for any real integration; keeps one app from fanning every event out without bound. */
    static final int MAX_PER_APP = 20;

    private final SubscriptionRepository subscriptions;
    private final DeliveryLogRepository deliveryLog;
    private final CallbackUrls urls;
    private final Apps apps;
    private final SecretSealing sealing;
    private final DeliveryWakeup wakeup;
    private final ApplicationEventPublisher events;
    private final WebhookSettings settings;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository subscriptions, DeliveryLogRepository deliveryLog, CallbackUrls urls,
                        Apps apps, SecretSealing sealing, DeliveryWakeup wakeup, ApplicationEventPublisher events,
                        WebhookSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveryLog = deliveryLog;
        this.urls = urls;
        this.apps = apps;
        this.sealing = sealing;
        this.wakeup = wakeup;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SubscriptionView> list(long tenantId, long appId) {
        app(apps, tenantId, appId);
        Instant now = clock.instant();
        return subscriptions.list(tenantId, appId).stream().map(s -> s.view(now)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public SubscriptionView get(long tenantId, long appId, long subscriptionId) {
        return current(tenantId, appId, subscriptionId).view(clock.instant());
    }

    @Override
    @Transactional
    public SubscriptionSecret create(long tenantId, long appId, SubscriptionDraft draft) {
        AppView app = app(apps, tenantId, appId);
        List<String> types = EventTypes.check(app, draft.eventTypes());
        String url = urls.check(tenantId, draft.callbackUrl());
        if (subscriptions.list(tenantId, appId).size() >= MAX_PER_APP) {
            throw LantauException.conflict("openplatform.subscription_limit",
                    "An app has at most " + MAX_PER_APP + " subscriptions.");
        }
        Instant now = clock.instant();
        String secret = WebhookSigner.newSecret();
        // The sealed secret is bound to the subscription's id, which exists only after the insert.
        long id = subscriptions.insert(tenantId, appId, url, types, "", WebhookSigner.hint(secret), caller(), now);
        subscriptions.rotate(id, sealing.seal(WebhookSigner.purpose(id), secret), WebhookSigner.hint(secret), null,
                null, now);
        events.publishEvent(new SubscriptionCreated(tenantId, appId, id, CallbackUrls.withoutQuery(url), types));
        return new SubscriptionSecret(get(tenantId, appId, id), secret);
    }

    @Override
    @Transactional
    public SubscriptionView change(long tenantId, long appId, long subscriptionId, SubscriptionChange change) {
        AppView app = app(apps, tenantId, appId);
        StoredSubscription current = current(tenantId, appId, subscriptionId);
        List<String> types = change.eventTypes() == null ? current.eventTypes()
                : EventTypes.check(app, change.eventTypes());
        String url = change.callbackUrl() == null ? current.callbackUrl() : urls.check(tenantId, change.callbackUrl());
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!url.equals(current.callbackUrl())) {
            changes.put("callback", fromTo(CallbackUrls.withoutQuery(current.callbackUrl()),
                    CallbackUrls.withoutQuery(url)));
        }
        if (!types.equals(current.eventTypes())) {
            changes.put("eventTypes", fromTo(current.eventTypes(), types));
        }
        if (changes.isEmpty()) {
            return current.view(clock.instant());
        }
        subscriptions.change(subscriptionId, url, types, clock.instant());
        events.publishEvent(new SubscriptionChanged(tenantId, appId, subscriptionId, changes));
        return get(tenantId, appId, subscriptionId);
    }

    @Override
    @Transactional
    public SubscriptionView pause(long tenantId, long appId, long subscriptionId) {
        current(tenantId, appId, subscriptionId);
        if (subscriptions.pause(subscriptionId, SubscriptionView.PAUSED_BY_ADMIN, clock.instant())) {
            events.publishEvent(new SubscriptionPaused(tenantId, appId, subscriptionId,
                    SubscriptionView.PAUSED_BY_ADMIN));
        }
        return get(tenantId, appId, subscriptionId);
    }

    @Override
    @Transactional
    public SubscriptionView resume(long tenantId, long appId, long subscriptionId) {
        current(tenantId, appId, subscriptionId);
        if (subscriptions.resume(subscriptionId, clock.instant())) {
            events.publishEvent(new SubscriptionResumed(tenantId, appId, subscriptionId));
            wakeup.afterCommit();
        }
        return get(tenantId, appId, subscriptionId);
    }

    @Override
    @Transactional
    public SubscriptionSecret rotateSecret(long tenantId, long appId, long subscriptionId) {
        StoredSubscription current = current(tenantId, appId, subscriptionId);
        Instant now = clock.instant();
        Instant previousUntil = now.plus(settings.secretOverlap());
        String secret = WebhookSigner.newSecret();
        subscriptions.rotate(subscriptionId, sealing.seal(WebhookSigner.purpose(subscriptionId), secret),
                WebhookSigner.hint(secret), current.secretSealed(), previousUntil, now);
        events.publishEvent(new SubscriptionSecretRotated(tenantId, appId, subscriptionId, WebhookSigner.hint(secret),
                previousUntil));
        return new SubscriptionSecret(get(tenantId, appId, subscriptionId), secret);
    }

    @Override
    @Transactional
    public void delete(long tenantId, long appId, long subscriptionId) {
        current(tenantId, appId, subscriptionId);
        Instant now = clock.instant();
        int cancelled = deliveryLog.cancelPending(subscriptionId, now);
        subscriptions.markDeleted(subscriptionId, now);
        events.publishEvent(new SubscriptionDeleted(tenantId, appId, subscriptionId, cancelled));
    }

    private StoredSubscription current(long tenantId, long appId, long subscriptionId) {
        app(apps, tenantId, appId);
        return subscriptions.find(tenantId, appId, subscriptionId).orElseThrow(SubscriptionService::notFound);
    }

    /** The organisation's app, or 404 as for an app that does not exist. */
    static AppView app(Apps apps, long tenantId, long appId) {
        return apps.find(tenantId, appId).orElseThrow(
                () -> LantauException.notFound("openplatform.app_not_found", "There is no such app."));
    }

    static LantauException notFound() {
        return LantauException.notFound("openplatform.subscription_not_found", "There is no such subscription.");
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
