package hk.lantau.compat.internal.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * The Stream connections this node holds, by app, and what moves between them and the queue: due
 * messages out (each claimed in the database first, so one connection of the app sends it), acks in,
 * callbacks and their replies, pings, and {@code disconnect} for connections that may no longer be
 * open. A connection lives on one node; the queue is in the database, so any node's connection of
 * the app takes what is due.
 */
@Component
class DingStreamHub {

    private static final Logger log = LoggerFactory.getLogger(DingStreamHub.class);
    private static final int BATCH = 100;

    private final Map<AppRef, Set<DingStreamConnection>> byApp = new ConcurrentHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final StreamQueue queue;
    private final DingStreamProperties properties;
    private final StreamCredentials credentials;
    private final ObjectMapper json;
    private final Clock clock;

    DingStreamHub(StreamQueue queue, DingStreamProperties properties, StreamCredentials credentials, ObjectMapper json,
              Clock clock) {
        this.queue = queue;
        this.properties = properties;
        this.credentials = credentials;
        this.json = json;
        this.clock = clock;
    }

    /** An app of an organisation. */
    record AppRef(long tenantId, long appId) {
    }

    void add(DingStreamConnection connection) {
        byApp.computeIfAbsent(ref(connection), key -> ConcurrentHashMap.newKeySet()).add(connection);
        deliver(connection.tenantId(), connection.appId());
    }

    /** The connection closed: what it did not acknowledge is due again for the app's other connections. */
    void remove(DingStreamConnection connection) {
        AppRef ref = ref(connection);
        byApp.computeIfPresent(ref, (key, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
        connection.failCallbacks();
        int released = queue.release(ref.tenantId(), ref.appId(), connection.id(), clock.instant());
        if (released > 0) {
            deliver(ref.tenantId(), ref.appId());
        }
    }

    Set<AppRef> apps() {
        return Set.copyOf(byApp.keySet());
    }

    List<DingStreamConnection> connections() {
        return byApp.values().stream().flatMap(Set::stream).toList();
    }

    List<DingStreamConnection> connections(long tenantId, long appId) {
        return List.copyOf(byApp.getOrDefault(new AppRef(tenantId, appId), Set.of()));
    }

    /** Sends the app's due messages over its connections on this node, if it has any here. */
    void deliver(long tenantId, long appId) {
        List<DingStreamConnection> live = connections(tenantId, appId);
        if (live.isEmpty()) {
            return;
        }
        List<StreamQueue.Message> due;
        do {
            Instant now = clock.instant();
            due = queue.due(tenantId, appId, now, BATCH);
            for (StreamQueue.Message message : due) {
                DingStreamConnection connection = next(live);
                if (connection == null) {
                    return;
                }
                send(connection, message, now);
            }
        } while (due.size() == BATCH);
    }

    private void send(DingStreamConnection connection, StreamQueue.Message message, Instant now) {
        String frame = StreamFrames.event(json, message, connection.appKey(), now);
        if (frame.getBytes(StandardCharsets.UTF_8).length > DingStreamProperties.MAX_FRAME_BYTES) {
            log.warn("Event {} ({}) is larger than a Stream frame may be and is dropped for app {}",
                    message.eventId(), message.eventType(), connection.appKey());
            queue.drop(connection.tenantId(), message.id());
            return;
        }
        if (queue.claim(connection.tenantId(), message.id(), now, now.plus(properties.redeliverAfter()),
                connection.id())) {
            connection.send(frame);
        }
    }

    private DingStreamConnection next(List<DingStreamConnection> live) {
        for (int tries = 0; tries < live.size(); tries++) {
            DingStreamConnection connection = live.get(Math.floorMod(turn.getAndIncrement(), live.size()));
            if (connection.open()) {
                return connection;
            }
        }
        return null;
    }

    /**
     * A frame from the client: the reply to a ping, a callback or an event, by its message id. An
     * event's {@code SUCCESS} deletes it from the queue; {@code LATER}, an error code or no reply
     * leaves it to be sent again when its window ends.
     */
    void reply(DingStreamConnection connection, JsonNode frame) {
        String messageId = frame.path("headers").path("messageId").asText("");
        int code = frame.path("code").asInt(0);
        if (messageId.isEmpty() || connection.pingAnswered(messageId)) {
            return;
        }
        CompletableFuture<String> callback = connection.takeCallback(messageId);
        if (callback != null) {
            if (code == 200) {
                callback.complete(member(frame, "response"));
            } else {
                callback.completeExceptionally(new IllegalStateException(
                        "The app answered the callback with code " + code));
            }
            return;
        }
        if (code == 200 && "SUCCESS".equals(member(frame, "status"))) {
            queue.acknowledge(connection.tenantId(), connection.appId(), messageId);
        }
    }

    /** A member of the reply's {@code data} (a JSON document in a string), as JSON text; null when absent. */
    private String member(JsonNode frame, String name) {
        JsonNode data = frame.get("data");
        if (data == null || !data.isTextual()) {
            return null;
        }
        try {
            JsonNode value = json.readTree(data.asText()).get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            return value.isTextual() ? value.asText() : json.writeValueAsString(value);
        } catch (Exception e) {
            return null;
        }
    }

    void ping(DingStreamConnection connection) {
        String messageId = UUID.randomUUID().toString();
        connection.expectPing(messageId);
        connection.send(StreamFrames.system(json, "ping", messageId, Map.of("opaque", messageId), clock.instant()));
    }

    /** Tells the client to reconnect (it opens a new connection with a new ticket) and closes this one. */
    void disconnect(DingStreamConnection connection, String reason) {
        connection.send(StreamFrames.system(json, "disconnect", UUID.randomUUID().toString(),
                Map.of("reason", reason), clock.instant()));
        connection.close(CloseStatus.GOING_AWAY);
    }

    /**
     * Whether the connection may stay open: the token it was opened with still resolves, so the app
     * is enabled, its secret is not revoked or expired, its organisation is active and the address
     * is allowed.
     */
    boolean permitted(DingStreamConnection connection) {
        return credentials.actor(connection.token(), connection.address())
                .filter(actor -> actor.tenantId() == connection.tenantId() && connection.appKey().equals(actor.userId()))
                .isPresent();
    }

    private static AppRef ref(DingStreamConnection connection) {
        return new AppRef(connection.tenantId(), connection.appId());
    }
}
