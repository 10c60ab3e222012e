package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.WebhookReceiver;
import hk.lantau.support.WebhookReceiver.Received;
import hk.lantau.shared.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;

/**
 * Helpers of the webhook tests: local receivers (closed after each test), the allow-list entry
 * that lets a subscription reach them, subscriptions, people and departments made through the API.
 */
abstract class WebhookApiTestSupport extends OpenPlatformApiTestSupport {

    /** Long enough for a loaded two-core machine; the worker is woken at commit and polls every second. */
    protected static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger MOBILES = new AtomicInteger();

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void closeReceivers() {
        receivers.forEach(WebhookReceiver::close);
        receivers.clear();
    }

    protected WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    /** A subscription created through the API, with its one-time secret. */
    record Subscription(long id, long appId, String secret, JsonNode body) {
    }

    protected App subscriberApp(Org org) {
        return register(org.admin(), "Webhook app " + UUID.randomUUID().toString().substring(0, 8),
                "event.subscribe", "user.read", "department.read");
    }

    protected void allowLocalhost(Org org) {
        var allowed = org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "127.0.0.1"));
        assertThat(allowed.status()).as("allow 127.0.0.1: %s", allowed.body()).isIn(201, 409);
    }

    protected Subscription subscribe(Org org, App app, String url, String... types) {
        var created = org.admin().post("/api/v1/apps/" + app.id() + "/subscriptions",
                Map.of("callbackUrl", url, "eventTypes", List.of(types)));
        assertThat(created.status()).as("subscribe: %s", created.body()).isEqualTo(201);
        JsonNode json = created.json();
        return new Subscription(json.get("subscription").get("id").asLong(), app.id(), json.get("secret").asText(),
                json.get("subscription"));
    }

    protected String createUser(Api admin, Map<String, Object> body) {
        var created = admin.post("/api/v1/users", body);
        assertThat(created.status()).as("create user: %s", created.body()).isEqualTo(201);
        return created.json().get("userId").asText();
    }

    protected String createUser(Api admin, String name) {
        return createUser(admin, json("name", name, "email", UUID.randomUUID().toString().substring(0, 8)
                + "@example.hk"));
    }

    protected long createDepartment(Api admin, String name) {
        var created = admin.post("/api/v1/departments", json("name", name, "parentId", 1));
        assertThat(created.status()).as("create department: %s", created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** A Hong Kong mobile number no other webhook test uses. */
    protected static String newMobile() {
        int n = MOBILES.incrementAndGet();
        return String.format("+852 5%03d %04d", n / 10_000, n % 10_000);
    }

    /** The deliveries of an app's log, as JSON, newest first. */
    protected JsonNode deliveries(Org org, long appId, String query) {
        var page = org.admin().get("/api/v1/apps/" + appId + "/deliveries" + (query.isEmpty() ? "" : "?" + query));
        assertThat(page.status()).as("deliveries: %s", page.body()).isEqualTo(200);
        return page.json().get("items");
    }

    /** Polls the delivery log until the delivery of an event reaches a status, with a deadline. */
    protected JsonNode awaitDelivery(Org org, long appId, String eventId, String status) {
        return awaitDeliveries(org, appId, d -> d.get("eventId").asText().equals(eventId)
                && d.get("status").asText().equals(status), 1).get(0);
    }

    /** Polls the delivery log until {@code count} deliveries match, with a deadline. */
    protected List<JsonNode> awaitDeliveries(Org org, long appId, Predicate<JsonNode> which,
                                             int count) {
        long end = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> matching = List.of();
        while (System.nanoTime() < end) {
            List<JsonNode> found = new ArrayList<>();
            deliveries(org, appId, "limit=100").forEach(found::add);
            matching = found.stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            pause();
        }
        throw new AssertionError("Expected " + count + " matching deliveries, found " + matching);
    }

    /** Polls the delivery log until a delivery has {@code attempts} attempts recorded. */
    /**
     * Creates a person, waits until the receiver saw the event and the delivery awaits a retry,
     * and returns that delivery's first attempt.
     */
    protected JsonNode firstFailedAttempt(Org org, App app, WebhookReceiver receiver, String personName) {
        createUser(org.admin(), personName);
        Received first = receiver.await(1, WAIT).get(0);
        JsonNode delivery = awaitDelivery(org, app.id(), first.eventId(), "PENDING");
        return awaitAttempts(org, app.id(), delivery.get("id").asLong(), 1).get("attempts").get(0);
    }

    protected JsonNode awaitAttempts(Org org, long appId, long deliveryId, int attempts) {
        long end = System.nanoTime() + WAIT.toNanos();
        JsonNode delivery = null;
        while (System.nanoTime() < end) {
            delivery = org.admin().get("/api/v1/apps/" + appId + "/deliveries/" + deliveryId).json();
            if (delivery.get("attempts").size() >= attempts) {
                return delivery;
            }
            pause();
        }
        throw new AssertionError("Delivery " + deliveryId + " did not reach " + attempts + " attempts: " + delivery);
    }

    /** HMAC-SHA256 over timestamp.body, as a receiver would check it. */
    protected static String sign(String secret, String timestamp, String body) {
        return "v1=" + Tokens.hmacHex(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body);
    }

    protected static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    protected static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
