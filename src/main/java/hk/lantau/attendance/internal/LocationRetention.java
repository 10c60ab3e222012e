package hk.lantau.attendance.internal;

import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Drops the precise location (coordinates, accuracy, Wi-Fi) of punches older than each
 * organisation's retention period, keeping the results. Once a day, on one node, each organisation
 * in its own transaction.
 */
@Component
public class LocationRetention {

    private static final Logger log = LoggerFactory.getLogger(LocationRetention.class);

    private final Organisations organisations;
    private final PolicyRepository policies;
    private final RecordRepository records;
    private final TransactionOperations tx;
    private final Clock clock;

    LocationRetention(Organisations organisations, PolicyRepository policies, RecordRepository records,
                      TransactionOperations tx, Clock clock) {
        this.organisations = organisations;
        this.policies = policies;
        this.records = records;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.attendance.retention-cron:0 20 3 * * *}", zone = "UTC")
    @SchedulerLock(name = "attendance.location-retention", lockAtMostFor = "PT30M")
    public void run() {
        int dropped = 0;
        for (Organisation org : organisations.list()) {
            Integer n = tx.execute(status -> {
                Instant now = clock.instant();
                Instant cutoff = now.minus(Duration.ofDays(policies.settings(org.id()).retentionDays()));
                return records.dropLocations(org.id(), cutoff, now);
            });
            dropped += n == null ? 0 : n;
        }
        if (dropped > 0) {
            log.info("Attendance dropped the precise locations of {} punches past retention", dropped);
        }
    }
}
