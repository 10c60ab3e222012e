package hk.lantau.messaging.internal.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** The stream's protocol on one socket: hello and catch-up, the client's frames, and the limits on them. */
@Component
final class StreamSocketHandler extends TextWebSocketHandler {

    private static final String CONNECTION = "lantau.stream.connection";

    private final StreamHub hub;
    private final StreamProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    StreamSocketHandler(StreamHub hub, StreamProperties properties, ObjectMapper json, Clock clock) {
        this.hub = hub;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        jakarta.websocket.Session socket = ((NativeWebSocketSession) session).getNativeSession(
                jakarta.websocket.Session.class);
        socket.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", StreamConnection.SEND_TIMEOUT.toMillis());
        StreamPerson person = (StreamPerson) session.getAttributes().get(StreamHandshake.PERSON);
        StreamConnection connection = new StreamConnection(session, socket.getAsyncRemote(), person, hub,
                properties.queueCapacity(), clock.instant());
        session.getAttributes().put(CONNECTION, connection);
        // Registered before the stream's last sequence is read: nothing committed in between is missed.
        hub.add(connection);
        Long since = (Long) session.getAttributes().get(StreamHandshake.SINCE);
        if (since != null) {
            connection.start(since, hub.lastSequence(person));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        StreamConnection connection = connection(session);
        connection.heard(clock.instant());
        if (!connection.withinRate(System.nanoTime(), properties.maxFramesPerSecond())) {
            connection.close(StreamCloses.TOO_FAST);
            return;
        }
        JsonNode frame = parse(message.getPayload());
        String type = frame == null ? null : frame.path("type").asText(null);
        if (type == null) {
            startIfWaiting(connection);
            bad(connection, "A frame is a JSON object with a \"type\".");
            return;
        }
        switch (type) {
            case "resume" -> resume(connection, frame);
            case "ping" -> {
                startIfWaiting(connection);
                connection.send(Frames.PONG);
            }
            case "pong" -> startIfWaiting(connection);
            default -> {
                startIfWaiting(connection);
                bad(connection, "Unknown frame type; the client may send resume, ping and pong.");
            }
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        connection(session).heard(clock.instant());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        StreamConnection connection = (StreamConnection) session.getAttributes().get(CONNECTION);
        if (connection != null) {
            connection.close(status);
        }
    }

    private void resume(StreamConnection connection, JsonNode frame) {
        JsonNode since = frame.get("since");
        if (since == null || !since.canConvertToLong() || !since.isIntegralNumber() || since.asLong() < 0) {
            bad(connection, "resume needs since: the sequence number of the last event received, 0 or more.");
            return;
        }
        if (connection.started()) {
            bad(connection, "The stream has already started; resume only as the first frame, or reconnect with since.");
            return;
        }
        connection.start(since.asLong(), hub.lastSequence(connection.person()));
    }

    /** A client that opened without since and did not resume first gets live events from now on. */
    private void startIfWaiting(StreamConnection connection) {
        if (!connection.started()) {
            long last = hub.lastSequence(connection.person());
            connection.start(last, last);
        }
    }

    private void bad(StreamConnection connection, String detail) {
        if (connection.tolerateBadFrame(properties.maxBadFrames())) {
            connection.send(Frames.error(json, "stream.bad_frame", detail));
        } else {
            connection.close(StreamCloses.BAD_FRAMES);
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static StreamConnection connection(WebSocketSession session) {
        return (StreamConnection) session.getAttributes().get(CONNECTION);
    }
}
