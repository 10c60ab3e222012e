package hk.lantau.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 that receives webhooks: it keeps every request and answers
 * with the status and body it is told to, or holds requests open until released.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "ok";
    private volatile String location;
    private volatile CountDownLatch hold;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The callback URL of a path on this receiver, e.g. {@code url("/hooks")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers every request from now on with this status and body. */
    public WebhookReceiver answer(int status, String body) {
        this.status = status;
        this.answer = body;
        this.location = null;
        return this;
    }

    /** Answers with a redirect to {@code target}. */
    public WebhookReceiver redirect(String target) {
        this.status = 302;
        this.answer = "";
        this.location = target;
        return this;
    }

    /** Holds every request open (after recording it) until {@link #release()}. */
    public void holdRequests() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch latch = hold;
        hold = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits (polling, with a deadline) until {@code count} requests matching {@code which} arrived. */
    public List<Received> await(int count, Predicate<Received> which, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            List<Received> matching = received.stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Expected " + count + " webhooks within " + deadline + ", got "
                        + matching.size() + " of " + received.size());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public List<Received> await(int count, Duration deadline) {
        return await(count, r -> true, deadline);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                new String(body, StandardCharsets.UTF_8)));
        CountDownLatch latch = hold;
        try {
            if (latch != null) {
                latch.await(10, TimeUnit.MINUTES);
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the sender gave up waiting (its timeout) and closed the connection
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    /** One request as the receiver saw it. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        public String eventId() {
            return header("Lantau-Event-Id");
        }
    }
}
