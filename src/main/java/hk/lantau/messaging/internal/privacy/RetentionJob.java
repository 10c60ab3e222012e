package hk.lantau.messaging.internal.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes finished work notifications and DINGs once their retention period has passed. Runs on
 * one node at a time, and deletes in batches of its own transactions so a large backlog never
 * holds one long transaction. Message history is kept: it has no retention period yet.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** Batches per kind in one run, so a run ends; the next run carries on. */
    private static final int MAX_BATCHES = 200;

    private final RetentionRepository repository;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration notificationRetention;
    private final Duration dingRetention;
    private final int batchSize;

    RetentionJob(RetentionRepository repository, TransactionTemplate transactions, Clock clock,
                 @Value("${lantau.messaging.notifications.retention:180d}") Duration notificationRetention,
                 @Value("${lantau.messaging.ding.retention:180d}") Duration dingRetention,
                 @Value("${lantau.messaging.retention.batch-size:500}") int batchSize) {
        if (notificationRetention.isNegative() || dingRetention.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("Messaging retention periods must not be negative, nor batches empty");
        }
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.notificationRetention = notificationRetention;
        this.dingRetention = dingRetention;
        this.batchSize = batchSize;
    }

    @Scheduled(cron = "${lantau.messaging.retention.cron:0 40 3 * * *}", zone = "UTC")
    @SchedulerLock(name = "messaging.retention", lockAtMostFor = "PT30M")
    public void run() {
        Instant now = clock.instant();
        Instant notificationCutoff = now.minus(notificationRetention);
        Instant dingCutoff = now.minus(dingRetention);
        int notifications = purge(limit -> repository.finishedNotifications(notificationCutoff, limit),
                repository::deleteNotifications);
        int dings = purge(limit -> repository.finishedDings(dingCutoff, limit), repository::deleteDings);
        if (notifications + dings > 0) {
            log.info("Messaging retention deleted {} work notifications and {} DINGs", notifications, dings);
        }
    }

    private int purge(Function<Integer, List<Long>> due, Function<List<Long>, Integer> delete) {
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Integer done = transactions.execute(tx -> {
                List<Long> ids = due.apply(batchSize);
                return ids.isEmpty() ? 0 : delete.apply(ids);
            });
            deleted += done == null ? 0 : done;
            if (done == null || done < batchSize) {
                break;
            }
        }
        return deleted;
    }
}
