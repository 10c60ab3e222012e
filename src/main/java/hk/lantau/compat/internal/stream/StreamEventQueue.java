package hk.lantau.compat.internal.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.compat.internal.events.DingTalkEvent;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.shared.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues each DingTalk event, in the transaction of the change, for every app that uses Stream mode
 * (opened a connection within {@code activeFor}), subscribed to it ({@code *} or its type), is
 * enabled and holds the event's read scope. After commit this node's connections of those apps get
 * it at once; other nodes' connections at their next sweep.
 */
@Component
class StreamEventQueue {

    private static final Logger log = LoggerFactory.getLogger(StreamEventQueue.class);

    private final StreamApps streamApps;
    private final StreamQueue queue;
    private final DingStreamHub hub;
    private final Apps apps;
    private final DingStreamProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    StreamEventQueue(StreamApps streamApps, StreamQueue queue, DingStreamHub hub, Apps apps, DingStreamProperties properties,
                     ObjectMapper json, Clock clock) {
        this.streamApps = streamApps;
        this.queue = queue;
        this.hub = hub;
        this.apps = apps;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(DingTalkEvent event) {
        Optional<Scope> scope = StreamEventScopes.of(event.eventType());
        if (scope.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<StreamApps.StreamApp> candidates = streamApps.openedSince(event.tenantId(), now.minus(properties.activeFor()))
                .stream().filter(app -> app.takes(event.eventType())).toList();
        if (candidates.isEmpty()) {
            return;
        }
        String data = write(event);
        List<Long> queued = new ArrayList<>();
        for (StreamApps.StreamApp candidate : candidates) {
            Optional<AppView> app = apps.find(event.tenantId(), candidate.appId());
            if (app.isPresent() && app.get().active() && app.get().has(scope.get())) {
                queue.enqueue(event.tenantId(), candidate.appId(), event.eventId(), event.eventType(), event.corpId(),
                        event.bornAt(), data, now);
                queued.add(candidate.appId());
            }
        }
        if (!queued.isEmpty()) {
            afterCommit(() -> queued.forEach(appId -> deliver(event.tenantId(), appId)));
        }
    }

    /** After commit nothing may fail the change: what is not sent now, the next sweep sends. */
    private void deliver(long tenantId, long appId) {
        try {
            hub.deliver(tenantId, appId);
        } catch (RuntimeException e) {
            log.warn("Stream messages of app {} are left to the next sweep: {}", appId, e.toString());
        }
    }

    private String write(DingTalkEvent event) {
        try {
            return json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The data of DingTalk event " + event.eventType() + " is not JSON", e);
        }
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
