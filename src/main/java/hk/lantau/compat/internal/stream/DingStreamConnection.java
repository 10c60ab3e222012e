package hk.lantau.compat.internal.stream;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One app's Stream connection on this node: its socket (sends are serialised and bounded, so a slow
 * client never holds up a sender), what it subscribed to, and the callbacks and pings waiting for
 * its reply.
 */
final class DingStreamConnection {

    private static final Logger log = LoggerFactory.getLogger(DingStreamConnection.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 4 * DingStreamProperties.MAX_FRAME_BYTES;
    private static final int MAX_UNANSWERED_PINGS = 16;

    private final String id;
    private final long tenantId;
    private final long appId;
    private final String appKey;
    private final String token;
    private final String address;
    private final List<String> callbackTopics;
    private final WebSocketSession socket;
    private final Map<String, CompletableFuture<String>> callbacks = new ConcurrentHashMap<>();
    private final Set<String> pings = ConcurrentHashMap.newKeySet();

    DingStreamConnection(String id, long tenantId, long appId, String appKey, String token, String address,
                     List<String> callbackTopics, WebSocketSession session) {
        this.id = id;
        this.tenantId = tenantId;
        this.appId = appId;
        this.appKey = appKey;
        this.token = token;
        this.address = address;
        this.callbackTopics = List.copyOf(callbackTopics);
        this.socket = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
    }

    String id() {
        return id;
    }

    long tenantId() {
        return tenantId;
    }

    long appId() {
        return appId;
    }

    String appKey() {
        return appKey;
    }

    /** The app's DingTalk token given when the connection was opened; the connection lives while it does. */
    String token() {
        return token;
    }

    String address() {
        return address;
    }

    boolean open() {
        return socket.isOpen();
    }

    boolean subscribedToCallback(String topic) {
        return callbackTopics.contains(topic);
    }

    /** Sends one frame; false when the socket is closed or failed (it is closed then). */
    boolean send(String frame) {
        if (!socket.isOpen()) {
            return false;
        }
        try {
            socket.sendMessage(new TextMessage(frame));
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("Stream connection {} of app {} failed to send", id, appKey, e);
            close(CloseStatus.SESSION_NOT_RELIABLE);
            return false;
        }
    }

    void close(CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Stream connection {} did not close cleanly", id, e);
        }
    }

    void expectPing(String messageId) {
        // A client that never echoes pings must not grow this set without end.
        if (pings.size() >= MAX_UNANSWERED_PINGS) {
            pings.clear();
        }
        pings.add(messageId);
    }

    boolean pingAnswered(String messageId) {
        return pings.remove(messageId);
    }

    void expectCallback(String messageId, CompletableFuture<String> reply) {
        callbacks.put(messageId, reply);
        reply.whenComplete((value, failure) -> callbacks.remove(messageId));
    }

    /** The waiting callback of this message id, taken out; null when there is none. */
    CompletableFuture<String> takeCallback(String messageId) {
        return callbacks.remove(messageId);
    }

    /** The connection ended: callbacks still waiting will never be answered. */
    void failCallbacks() {
        for (CompletableFuture<String> reply : List.copyOf(callbacks.values())) {
            reply.completeExceptionally(new IllegalStateException("The Stream connection closed"));
        }
    }
}
