package hk.lantau.messaging.internal.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.messaging.StreamedEvent;
import hk.lantau.messaging.UserEvents;
import hk.lantau.messaging.internal.stream.Fanout;
import hk.lantau.messaging.internal.stream.LiveEvent;
import hk.lantau.messaging.internal.stream.StreamsEnded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's open streams, by person. It takes live events from the fan-out and hands each to
 * its recipients' connections here (a map lookup and a queue each: the fan-out thread never
 * waits), reads missed events for connections on a small worker pool, and runs the heartbeat.
 */
@Component
class StreamHub {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    private final Map<StreamKey, Set<StreamConnection>> connections = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final UserEvents events;
    private final ObjectMapper json;
    private final Clock clock;
    private final StreamProperties properties;
    private final ExecutorService workers;
    private final ExecutorService closers;
    private final ScheduledExecutorService heartbeat;
    private final Counter slowClosed;

    StreamHub(Fanout fanout, UserEvents events, ObjectMapper json, Clock clock, StreamProperties properties,
              MeterRegistry meters) {
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(4, daemon("stream-catch-up"));
        this.closers = Executors.newCachedThreadPool(daemon("stream-close"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("stream-heartbeat"));
        Gauge.builder("lantau.stream.connections", open, AtomicInteger::get)
                .description("WebSocket streams open on this node").register(meters);
        this.slowClosed = Counter.builder("lantau.stream.slow.closed")
                .description("Streams closed because the client did not keep up").register(meters);
        long every = properties.pingInterval().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        fanout.subscribe(this::deliver);
        fanout.subscribeEnded(this::end);
    }

    void add(StreamConnection connection) {
        connections.computeIfAbsent(connection.person().key(), key -> ConcurrentHashMap.newKeySet()).add(connection);
        open.incrementAndGet();
    }

    void forget(StreamConnection connection) {
        StreamKey key = connection.person().key();
        connections.computeIfPresent(key, (k, set) -> {
            if (set.remove(connection)) {
                open.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    /** Streams open on this node for one person. */
    int openFor(long tenantId, String userId) {
        Set<StreamConnection> set = connections.get(new StreamKey(tenantId, userId));
        return set == null ? 0 : set.size();
    }

    int openCount() {
        return open.get();
    }

    private void deliver(LiveEvent event) {
        String tail = null;
        for (Map.Entry<String, Long> recipient : event.sequences().entrySet()) {
            Set<StreamConnection> set = connections.get(new StreamKey(event.tenantId(), recipient.getKey()));
            if (set == null) {
                continue;
            }
            if (tail == null) {
                tail = Frames.eventTail(json, event.type(), Instant.ofEpochMilli(event.at()), event.payload());
            }
            for (StreamConnection connection : set) {
                connection.onLive(recipient.getValue(), tail);
            }
        }
    }

    private void end(StreamsEnded ended) {
        Set<StreamConnection> set = connections.get(new StreamKey(ended.tenantId(), ended.userId()));
        if (set == null) {
            return;
        }
        for (StreamConnection connection : set) {
            if (ended.sessionIds().isEmpty() || ended.sessionIds().contains(connection.person().sessionId())) {
                connection.close(StreamCloses.SESSION_ENDED);
            }
        }
    }

    /** Pings every stream, and closes those the client has been silent on for too long. */
    void beat() {
        try {
            Instant silentSince = clock.instant().minus(properties.idleTimeout());
            for (Set<StreamConnection> set : connections.values()) {
                for (StreamConnection connection : set) {
                    if (connection.lastHeard().isBefore(silentSince)) {
                        connection.close(StreamCloses.IDLE);
                    } else if (connection.started()) {
                        connection.send(Frames.PING);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Stream heartbeat failed: {}", e.toString());
        }
    }

    void catchUp(StreamConnection connection) {
        workers.execute(() -> {
            try {
                connection.catchUp(properties.catchUpBatch());
            } catch (RuntimeException e) {
                log.warn("Could not catch {} up; closing the stream so the client reconnects: {}",
                        connection.person(), e.toString());
                connection.close(StreamCloses.SHUTDOWN);
            }
        });
    }

    void closeLater(Runnable close, Duration delay) {
        if (delay.isZero()) {
            closers.execute(close);
        } else {
            heartbeat.schedule(() -> closers.execute(close), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void countSlow() {
        slowClosed.increment();
    }

    List<StreamedEvent> read(StreamPerson person, long after, int limit) {
        return events.since(person.tenantId(), person.userId(), after, limit);
    }

    long lastSequence(StreamPerson person) {
        return events.lastSequence(person.tenantId(), person.userId());
    }

    String tail(StreamedEvent event) {
        return Frames.eventTail(json, event.type(), event.at(), event.payload());
    }

    @PreDestroy
    void shutdown() {
        heartbeat.shutdownNow();
        for (Set<StreamConnection> set : connections.values()) {
            set.forEach(connection -> connection.close(StreamCloses.SHUTDOWN));
        }
        workers.shutdown();
        closers.shutdown();
        try {
            closers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
