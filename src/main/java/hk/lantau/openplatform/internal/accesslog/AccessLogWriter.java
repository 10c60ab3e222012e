package hk.lantau.openplatform.internal.accesslog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the database off the API's critical path: a call's record goes into a bounded queue in
 * memory, and a writer on this node empties it in multi-row inserts every second and when the node
 * shuts down. A node that crashes loses at most the last second of records; a full queue (the
 * database far behind) drops new records and counts them, rather than slowing every call down
 * (ADR 0010).
 */
@Component
class AccessLogWriter {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(AccessLogWriter.class);

    private final AccessLogRepository repository;
    private final BlockingQueue<CallRecord> queue;
    private final Counter dropped;
    private final Counter lost;

    AccessLogWriter(AccessLogRepository repository, AccessLogProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.queue = new ArrayBlockingQueue<>(properties.accessLogQueueCapacity());
        this.dropped = Counter.builder("lantau.openplatform.access_log.dropped")
                .description("API calls not logged because the access log's queue was full").register(meters);
        this.lost = Counter.builder("lantau.openplatform.access_log.lost")
                .description("API calls not logged because writing them to the database failed").register(meters);
        Gauge.builder("lantau.openplatform.access_log.queued", queue, BlockingQueue::size)
                .description("API calls waiting to be written to the access log").register(meters);
    }

    void record(CallRecord call) {
        if (!queue.offer(call)) {
            dropped.increment();
        }
    }

    /**
     * Writes what is queued. Every node runs this for its own queue, so it takes no cluster lock.
     */
    @Scheduled(fixedDelayString = "${lantau.openplatform.access-log-flush-interval:1s}")
    synchronized void flush() {
        List<CallRecord> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                repository.insert(batch);
            } catch (RuntimeException e) {
                lost.increment(batch.size());
                log.warn("Could not write {} API access log records: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }
}
