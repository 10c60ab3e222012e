package hk.lantau.messaging.internal.stream;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drops stream events older than the retention period, once an hour on one node, in batches so a
 * large backlog never holds one long transaction. Each person's last sequence stays, so numbering
 * goes on where it was and a client that asks for a dropped event is told to reload.
 */
@Component
class StreamRetention {

    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(StreamRetention.class);

    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final Clock clock;

    StreamRetention(JdbcClient jdbc, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.messaging.stream.retention-cron:0 41 * * * *}")
    @SchedulerLock(name = "messaging.stream-retention", lockAtMostFor = "PT50M")
    void purgeOnSchedule() {
        purge();
    }

    /** Returns how many events were dropped. */
    int purge() {
        Instant before = clock.instant().minus(properties.retention());
        int total = 0;
        int deleted;
        do {
            // Recipients' rows go with their event (on delete cascade).
            deleted = jdbc.sql("""
                            delete from msg_event where id in (
                                select id from msg_event where created_at < :before fetch first %d rows only)"""
                            .formatted(BATCH))
                    .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                    .update();
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Dropped {} stream events from before {}.", total, before);
        }
        return total;
    }
}
