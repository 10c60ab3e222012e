package hk.lantau.compat.internal.stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.shared.Tokens;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * DingTalk's Stream protocol on one socket at {@code /connect}: the connection joins the hub with
 * what its ticket subscribed to, and every frame from the client is a reply (to a ping, an event or
 * a callback). Frames larger than 256 KiB close the socket (1009). WebSocket Pings are answered with
 * Pongs by the container.
 */
@Component
class DingStreamSocketHandler extends TextWebSocketHandler {

    static final String CONNECTION = "lantau.compat.stream.connection";

    private final DingStreamHub hub;
    private final Apps apps;
    private final ObjectMapper json;

    DingStreamSocketHandler(DingStreamHub hub, Apps apps, ObjectMapper json) {
        this.hub = hub;
        this.apps = apps;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        session.setTextMessageSizeLimit(DingStreamProperties.MAX_FRAME_BYTES);
        StreamTickets.Ticket ticket = (StreamTickets.Ticket) session.getAttributes().get(StreamConnectHandshake.TICKET);
        AppView app = apps.find(ticket.tenantId(), ticket.appId()).orElse(null);
        if (app == null) {
            session.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        List<String> callbackTopics = topics(ticket.subscriptions(), "CALLBACK");
        DingStreamConnection connection = new DingStreamConnection(Tokens.randomHex(16), ticket.tenantId(), ticket.appId(),
                app.appKey(), ticket.token(), (String) session.getAttributes().get(StreamConnectHandshake.ADDRESS),
                callbackTopics, session);
        session.getAttributes().put(CONNECTION, connection);
        hub.add(connection);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        DingStreamConnection connection = (DingStreamConnection) session.getAttributes().get(CONNECTION);
        if (connection == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (IOException e) {
            return;
        }
        if (frame != null && frame.isObject()) {
            hub.reply(connection, frame);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        DingStreamConnection connection = (DingStreamConnection) session.getAttributes().get(CONNECTION);
        if (connection != null) {
            hub.remove(connection);
        }
    }

    /** The topics of one type from the ticket's subscriptions (a JSON list of {@code {type, topic}}). */
    List<String> topics(String subscriptions, String type) {
        try {
            List<Map<String, String>> list = json.readValue(subscriptions, new TypeReference<>() {
            });
            return list.stream().filter(s -> type.equals(s.get("type"))).map(s -> s.get("topic")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
