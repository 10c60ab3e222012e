package hk.lantau.openplatform.internal.events;

import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Purges the delivery log once a day on one node: deliveries settled and untouched for the
 * retention period (180 days by default), their attempts, events nothing refers to any more,
 * and deleted subscriptions whose log is gone. In batches, each its own transaction.
 */
@Component
class DeliveryRetention {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);
    private static final int BATCH = 1000;

    private final DeliveryLogRepository deliveryLog;
    private final SubscriptionRepository subscriptions;
    private final TransactionOperations tx;
    private final WebhookSettings settings;
    private final Clock clock;

    DeliveryRetention(DeliveryLogRepository deliveryLog, SubscriptionRepository subscriptions,
                      TransactionOperations tx, WebhookSettings settings, Clock clock) {
        this.deliveryLog = deliveryLog;
        this.subscriptions = subscriptions;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.openplatform.delivery-purge-cron:0 17 3 * * *}")
    @SchedulerLock(name = "openplatform.delivery-purge", lockAtMostFor = "PT2H")
    void purgeDaily() {
        int purged = purge();
        if (purged > 0) {
            log.info("Purged {} webhook deliveries older than {}", purged, settings.deliveryRetention());
        }
    }

    /** Purges everything past the retention period; returns how many deliveries went. */
    int purge() {
        Instant cutoff = clock.instant().minus(settings.deliveryRetention());
        int total = 0;
        int purged;
        do {
            purged = tx.execute(status -> deliveryLog.purge(cutoff, BATCH));
            total += purged;
        } while (purged == BATCH);
        while (tx.execute(status -> deliveryLog.purgeEvents(cutoff, BATCH)) == BATCH) {
            // next batch
        }
        tx.executeWithoutResult(status -> subscriptions.purgeDeleted(cutoff));
        return total;
    }
}
