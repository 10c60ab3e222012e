package hk.lantau.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A WebSocket client of the event stream for tests, on the JDK's own client. It collects the
 * frames the server sends; server pings are kept apart so tests read only what they look for. A
 * client opened {@link #paused} reads nothing until {@link #resumeReading()}, like a phone on a
 * slow network.
 */
public final class StreamClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> pings = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final boolean paused;
    private volatile WebSocket socket;

    private StreamClient(boolean paused) {
        this.paused = paused;
    }

    /** Opens the stream at {@code path} (e.g. {@code /api/v1/stream?since=0}) with a bearer token. */
    public static StreamClient open(String baseUrl, String path, String token) {
        return connect(baseUrl, path, builder -> builder.header("Authorization", "Bearer " + token), false);
    }

    public static StreamClient paused(String baseUrl, String path, String token) {
        return connect(baseUrl, path, builder -> builder.header("Authorization", "Bearer " + token), true);
    }

    /** The HTTP status of a refused upgrade. */
    public static int refusal(String baseUrl, String path, Consumer<WebSocket.Builder> credentials) {
        try {
            StreamClient client = connect(baseUrl, path, credentials, false);
            client.close();
            throw new AssertionError("The upgrade was accepted");
        } catch (Refused e) {
            return e.status;
        }
    }

    public static StreamClient connect(String baseUrl, String path, Consumer<WebSocket.Builder> credentials,
                                       boolean paused) {
        StreamClient client = new StreamClient(paused);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        credentials.accept(builder);
        try {
            client.socket = builder.buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + path),
                    client.new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return client;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next frame other than a server ping; fails after a while. */
    public JsonNode next() {
        return take(frames, "a frame");
    }

    /** The next {@code count} frames that are events, failing on any other frame. */
    public List<JsonNode> events(int count) {
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode frame = next();
            if (!"event".equals(frame.path("type").asText())) {
                throw new AssertionError("Expected an event, got " + frame);
            }
            events.add(frame);
        }
        return events;
    }

    /** The next frame other than a server ping if one comes within {@code wait}, else null. */
    public JsonNode poll(Duration wait) {
        try {
            return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode nextPing() {
        return take(pings, "a server ping");
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void resumeReading() {
        socket.request(Long.MAX_VALUE);
    }

    /** The close code the server sent, once the socket is closed. */
    public int awaitClose() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("The server did not close the stream", e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        WebSocket open = socket;
        if (open != null && !open.isOutputClosed()) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        if (open != null) {
            open.abort();
        }
    }

    private static JsonNode take(BlockingQueue<JsonNode> queue, String what) {
        try {
            JsonNode frame = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("No " + what + " within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            if (!paused) {
                webSocket.request(1);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(text.toString());
                    ("ping".equals(frame.path("type").asText()) ? pings : frames).add(frame);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("The server sent a frame that is not JSON: " + text, e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }

    /** The server refused the upgrade with an HTTP status. */
    static final class Refused extends RuntimeException {

        final int status;

        Refused(int status) {
            super("upgrade refused with " + status);
            this.status = status;
        }
    }
}
