package hk.lantau.openplatform.internal.accesslog;

import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes access log records older than the retention period, once an hour on one node. It
 * deletes in batches, each its own statement, so a large backlog never holds one long transaction.
 */
@Component
class AccessLogPurge {

    static final int BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(AccessLogPurge.class);

    private final AccessLogRepository repository;
    private final AccessLogProperties properties;
    private final Clock clock;

    AccessLogPurge(AccessLogRepository repository, AccessLogProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.openplatform.access-log-purge-cron:0 23 * * * *}")
    @SchedulerLock(name = "openplatform.access-log-purge", lockAtMostFor = "PT50M")
    void purgeOnSchedule() {
        purge();
    }

    /** Returns how many records were deleted. */
    int purge() {
        Instant before = clock.instant().minus(properties.accessLogRetention());
        int total = 0;
        int deleted;
        do {
            deleted = repository.deleteBefore(before, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} API access log records from before {}.", total, before);
        }
        return total;
    }
}
