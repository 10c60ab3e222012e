package hk.lantau.compat.internal.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.shared.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Pushes a {@code CALLBACK} frame (such as a robot message on {@code /v1.0/im/bot/messages/get}) to
 * a live Stream connection of an app and returns the client's reply.
 *
 * <p>Use: {@code push(tenantId, appId, "/v1.0/im/bot/messages/get", data)} gives empty when no
 * connection of the app on this node subscribed to the topic (callbacks are not queued: a
 * connection lives on one node, so with several nodes the caller decides what to do then, such as
 * trying again later). Otherwise the future completes with the {@code response} member of the
 * client's {@code data} as JSON text (a string response as the string itself; null when the
 * listener returned nothing), or exceptionally when the client answered with an error code or the
 * connection closed first. Callers bound the wait themselves ({@code orTimeout}); a reply arriving
 * after that is ignored.
 */
@Component
public class StreamCallbacks {

    private final DingStreamHub hub;
    private final ObjectMapper json;
    private final Clock clock;

    StreamCallbacks(DingStreamHub hub, ObjectMapper json, Clock clock) {
        this.hub = hub;
        this.json = json;
        this.clock = clock;
    }

    /** Whether a connection of the app on this node subscribed to the topic, so a push would be sent. */
    public boolean listening(long tenantId, long appId, String topic) {
        return hub.connections(tenantId, appId).stream()
                .anyMatch(connection -> connection.open() && connection.subscribedToCallback(topic));
    }

    /** @param data the callback's payload, written as the frame's JSON {@code data} string */
    public Optional<CompletableFuture<String>> push(long tenantId, long appId, String topic, Map<String, ?> data) {
        String payload = write(data);
        for (DingStreamConnection connection : hub.connections(tenantId, appId)) {
            if (!connection.open() || !connection.subscribedToCallback(topic)) {
                continue;
            }
            String messageId = Tokens.randomHex(16);
            CompletableFuture<String> reply = new CompletableFuture<>();
            connection.expectCallback(messageId, reply);
            String frame = StreamFrames.callback(json, topic, messageId, appId, connection.id(), payload,
                    clock.instant());
            if (frame.getBytes(StandardCharsets.UTF_8).length > DingStreamProperties.MAX_FRAME_BYTES) {
                connection.takeCallback(messageId);
                throw new IllegalArgumentException("A callback frame may be at most 256 KiB");
            }
            if (connection.send(frame)) {
                return Optional.of(reply);
            }
            connection.takeCallback(messageId);
        }
        return Optional.empty();
    }

    private String write(Map<String, ?> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A callback's data must be JSON", e);
        }
    }
}
