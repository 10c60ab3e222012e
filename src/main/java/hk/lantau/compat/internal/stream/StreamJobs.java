package hk.lantau.compat.internal.stream;

import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stream mode's timers. Sending, checking and pinging run on every node for the connections it
 * holds; the purge runs once across nodes.
 */
@Component
class StreamJobs {

    private static final Logger log = LoggerFactory.getLogger(StreamJobs.class);
    private static final int BATCH = 1000;

    private final DingStreamHub hub;
    private final StreamQueue queue;
    private final StreamTickets tickets;
    private final DingStreamProperties properties;
    private final Clock clock;

    StreamJobs(DingStreamHub hub, StreamQueue queue, StreamTickets tickets, DingStreamProperties properties, Clock clock) {
        this.hub = hub;
        this.queue = queue;
        this.tickets = tickets;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends what is due (new on another node, or not acknowledged within its window) to this node's connections. */
    @Scheduled(fixedDelayString = "${lantau.compat.stream.sweep-interval:2s}", initialDelayString = "PT5S")
    void sweep() {
        for (DingStreamHub.AppRef app : hub.apps()) {
            try {
                hub.deliver(app.tenantId(), app.appId());
            } catch (RuntimeException e) {
                log.warn("Stream messages of app {} could not be sent: {}", app.appId(), e.toString());
            }
        }
    }

    /** Disconnects connections whose app was disabled, whose secret stopped, or whose token ended. */
    @Scheduled(fixedDelayString = "${lantau.compat.stream.check-interval:30s}",
            initialDelayString = "${lantau.compat.stream.check-interval:30s}")
    void check() {
        for (DingStreamConnection connection : hub.connections()) {
            if (!hub.permitted(connection)) {
                hub.disconnect(connection, "credential no longer valid");
            }
        }
    }

    @Scheduled(fixedDelayString = "${lantau.compat.stream.ping-interval:30s}",
            initialDelayString = "${lantau.compat.stream.ping-interval:30s}")
    void ping() {
        for (DingStreamConnection connection : hub.connections()) {
            hub.ping(connection);
        }
    }

    @Scheduled(cron = "${lantau.compat.stream.purge-cron:0 47 * * * *}")
    @SchedulerLock(name = "compat.stream-purge", lockAtMostFor = "PT30M")
    void purgeHourly() {
        int purged = purge();
        if (purged > 0) {
            log.info("Purged {} Stream messages not acknowledged within {}", purged, properties.retention());
        }
    }

    /** Drops expired tickets and messages older than the retention period; returns how many messages went. */
    int purge() {
        Instant now = clock.instant();
        tickets.purgeExpired(now);
        Instant cutoff = now.minus(properties.retention());
        int total = 0;
        int purged;
        do {
            purged = queue.purge(cutoff, BATCH);
            total += purged;
        } while (purged == BATCH);
        return total;
    }
}
