package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.SubscriptionPaused;
import hk.lantau.openplatform.SubscriptionView;
import hk.lantau.openplatform.internal.OwnerNotices;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the app's owner when a subscription was paused because its receiver kept failing. */
@Component
class PausedSubscriptionNotice {

    private final Apps apps;
    private final SubscriptionRepository subscriptions;
    private final OwnerNotices owners;
    private final WebhookSettings settings;

    PausedSubscriptionNotice(Apps apps, SubscriptionRepository subscriptions, OwnerNotices owners,
                             WebhookSettings settings) {
        this.apps = apps;
        this.subscriptions = subscriptions;
        this.owners = owners;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(SubscriptionPaused paused) {
        if (!SubscriptionView.PAUSED_FAILING.equals(paused.reason())) {
            return;
        }
        apps.find(paused.tenantId(), paused.appId()).ifPresent(app ->
                subscriptions.find(paused.tenantId(), paused.appId(), paused.subscriptionId()).ifPresent(s ->
                        owners.tell(app, "subscription_paused", app.name(), s.callbackUrl(),
                                settings.pauseFailingAfter().toDays())));
    }
}
