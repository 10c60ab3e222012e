package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.SubscriptionPaused;
import hk.lantau.openplatform.SubscriptionView;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Pauses subscriptions whose deliveries have failed, without one success, for longer than the
 * configured days, so a receiver that is gone does not collect retries forever. The pause is
 * audited, shown on the subscription ({@code pausedReason = failing}) and logged; after commit
 * {@link PausedSubscriptionNotice} tells the app's owner.
 */
@Component
class FailingSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(FailingSubscriptions.class);

    private final SubscriptionRepository subscriptions;
    private final Apps apps;
    private final ApplicationEventPublisher events;
    private final WebhookSettings settings;

    FailingSubscriptions(SubscriptionRepository subscriptions, Apps apps, ApplicationEventPublisher events,
                         WebhookSettings settings) {
        this.subscriptions = subscriptions;
        this.apps = apps;
        this.events = events;
        this.settings = settings;
    }

    /** Of the subscriptions that just failed, pauses those failing too long; joins the caller's transaction. */
    void pauseLongFailing(List<Long> failedIds, Instant now) {
        for (StoredSubscription s : subscriptions.failingSince(failedIds, now.minus(settings.pauseFailingAfter()))) {
            if (subscriptions.pause(s.id(), SubscriptionView.PAUSED_FAILING, now)) {
                ActorScope.runAs(Actor.system(s.tenantId(), "webhooks"), () -> events.publishEvent(
                        new SubscriptionPaused(s.tenantId(), s.appId(), s.id(), SubscriptionView.PAUSED_FAILING)));
                String owner = apps.find(s.tenantId(), s.appId()).map(AppView::ownerUserId).orElse("unknown");
                log.warn("Paused webhook subscription {} of app {} (organisation {}, owner {}): no successful "
                        + "delivery since {}", s.id(), s.appId(), s.tenantId(), owner, s.failingSince());
            }
        }
    }
}
