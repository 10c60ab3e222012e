package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.WebhookReceiver;
import hk.lantau.support.WebhookReceiver.Received;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The delivery log: searched, paged, replayed, kept per organisation; deliveries that keep failing
 * die after a day, and a subscription failing for three days is paused.
 */
class DeliveryLogApiTest extends WebhookApiTestSupport {

    @Test
    void theLogIsSearchedByFiltersAndPagedByCursor() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver();
        Subscription people = subscribe(org, app, receiver.url("/people"), "user.created");
        Subscription departments = subscribe(org, app, receiver.url("/departments"), "department.created");
        Instant start = clock.instant();
        for (int i = 1; i <= 3; i++) {
            createUser(org.admin(), "Logged Person " + i);
            clock.advance(Duration.ofSeconds(1));
        }
        Instant afterPeople = clock.instant();
        createDepartment(org.admin(), "Logged Department");
        receiver.await(4, WAIT);
        awaitDeliveries(org, app.id(), d -> d.get("status").asText().equals("DELIVERED"), 4);

        assertThat(deliveries(org, app.id(), "")).extracting(d -> d.get("eventType").asText())
                .containsExactly("department.created", "user.created", "user.created", "user.created");
        assertThat(deliveries(org, app.id(), "eventType=user.created")).hasSize(3);
        assertThat(deliveries(org, app.id(), "subscriptionId=" + departments.id())).singleElement()
                .satisfies(d -> assertThat(d.get("subscriptionId").asLong()).isEqualTo(departments.id()));
        assertThat(deliveries(org, app.id(), "status=DELIVERED")).hasSize(4);
        assertThat(deliveries(org, app.id(), "status=DEAD")).isEmpty();
        assertThat(deliveries(org, app.id(), "from=" + query(start.plusSeconds(1)) + "&to=" + query(afterPeople)))
                .hasSize(2);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = org.admin().get("/api/v1/apps/" + app.id() + "/deliveries?limit=3&subscriptionId="
                    + people.id() + (cursor == null ? "" : "&cursor=" + cursor) + "&eventType=user.created");
            page.json().get("items").forEach(d -> paged.add(d.get("eventId").asText()));
            cursor = page.json().path("nextCursor").asText(null);
        } while (cursor != null && paged.size() < 10);
        assertThat(paged).hasSize(3).doesNotHaveDuplicates();
        var firstPage = org.admin().get("/api/v1/apps/" + app.id() + "/deliveries?limit=2").json();
        var secondPage = org.admin().get("/api/v1/apps/" + app.id() + "/deliveries?limit=2&cursor="
                + firstPage.get("nextCursor").asText()).json();
        assertThat(secondPage.get("items")).hasSize(2);
        assertThat(secondPage.has("nextCursor")).isFalse();

        assertThat(org.admin().get("/api/v1/apps/" + app.id() + "/deliveries?cursor=nonsense").code())
                .isEqualTo("openplatform.cursor_invalid");
        assertThat(org.admin().get("/api/v1/apps/" + app.id() + "/deliveries?eventType=user.deleted").code())
                .isEqualTo("openplatform.event_type_unknown");
        assertThat(org.admin().get("/api/v1/apps/" + app.id() + "/deliveries?status=LOST").code())
                .isEqualTo("request.wrong_type");
        assertThat(org.admin().get("/api/v1/apps/" + app.id() + "/deliveries?from=" + query(afterPeople) + "&to="
                + query(start)).code()).isEqualTo("openplatform.range_invalid");
        assertThat(org.admin().get("/api/v1/apps/" + app.id() + "/deliveries?limit=101").status()).isEqualTo(400);
    }

    @Test
    void anAdminReplaysOneDeliveryOrARangeWithTheSameEventIds() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver();
        Subscription subscription = subscribe(org, app, receiver.url("/hooks"), "user.created");
        // Event times have millisecond precision, like the time field of their JSON.
        Instant start = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        createUser(org.admin(), "Replay One");
        createUser(org.admin(), "Replay Two");
        List<Received> sent = receiver.await(2, WAIT);
        JsonNode delivered = awaitDelivery(org, app.id(), sent.get(0).eventId(), "DELIVERED");
        awaitDelivery(org, app.id(), sent.get(1).eventId(), "DELIVERED");
        long deliveryId = delivered.get("id").asLong();

        var replayed = org.admin().post("/api/v1/apps/" + app.id() + "/deliveries/" + deliveryId + "/replay", Map.of());
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().get("status").asText()).isEqualTo("PENDING");
        Received again = receiver.await(3, WAIT).get(2);
        assertThat(again.eventId()).isEqualTo(sent.get(0).eventId());
        assertThat(again.body()).isEqualTo(sent.get(0).body());
        assertThat(awaitAttempts(org, app.id(), deliveryId, 2).get("attempts")).hasSize(2);

        var range = org.admin().post("/api/v1/apps/" + app.id() + "/deliveries/replay", json("subscriptionId",
                subscription.id(), "from", iso(start), "to", iso(clock.instant().plusSeconds(1))));
        assertThat(range.status()).as(range.body()).isEqualTo(200);
        assertThat(range.json().get("replayed").asInt()).isEqualTo(2);
        List<Received> all = receiver.await(5, WAIT);
        assertThat(all.subList(3, 5)).extracting(Received::eventId)
                .containsExactlyInAnyOrder(sent.get(0).eventId(), sent.get(1).eventId());
        assertThat(auditChanges(org, "openplatform.delivery.replayed")).hasSize(2);

        var noRange = org.admin().post("/api/v1/apps/" + app.id() + "/deliveries/replay",
                json("subscriptionId", subscription.id()));
        assertThat(noRange.code()).isEqualTo("openplatform.range_required");
        var backwards = org.admin().post("/api/v1/apps/" + app.id() + "/deliveries/replay", json("subscriptionId",
                subscription.id(), "from", iso(clock.instant()), "to", iso(start)));
        assertThat(backwards.code()).isEqualTo("openplatform.range_invalid");
    }

    @Test
    void anotherOrganisationCanNeitherSeeNorReplayTheLog() {
        Org a = newOrganisation();
        Org b = newOrganisation();
        App appOfA = subscriberApp(a);
        allowLocalhost(a);
        WebhookReceiver receiver = receiver();
        Subscription subscription = subscribe(a, appOfA, receiver.url("/hooks"), "user.created");
        createUser(a.admin(), "Private Person");
        String eventId = receiver.await(1, WAIT).get(0).eventId();
        long deliveryId = awaitDelivery(a, appOfA.id(), eventId, "DELIVERED").get("id").asLong();
        App appOfB = subscriberApp(b);
        String ofA = "/api/v1/apps/" + appOfA.id() + "/deliveries";
        String viaB = "/api/v1/apps/" + appOfB.id() + "/deliveries";

        for (Api.Response answer : List.of(b.admin().get(ofA), b.admin().get(ofA + "/" + deliveryId),
                b.admin().post(ofA + "/" + deliveryId + "/replay", Map.of()),
                b.admin().post(ofA + "/replay", json("subscriptionId", subscription.id(), "from", iso(Instant.EPOCH),
                        "to", iso(clock.instant().plusSeconds(60)))))) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("openplatform.app_not_found");
        }
        assertThat(b.admin().get(viaB + "/" + deliveryId).code()).isEqualTo("openplatform.delivery_not_found");
        assertThat(b.admin().post(viaB + "/" + deliveryId + "/replay", Map.of()).code())
                .isEqualTo("openplatform.delivery_not_found");
        assertThat(b.admin().post(viaB + "/replay", json("subscriptionId", subscription.id(), "from",
                iso(Instant.EPOCH), "to", iso(clock.instant().plusSeconds(60)))).code())
                .isEqualTo("openplatform.subscription_not_found");
        assertThat(b.admin().get(viaB + "?subscriptionId=" + subscription.id()).json().get("items")).isEmpty();

        assertThat(receiver.received()).hasSize(1);
        JsonNode unchanged = a.admin().get(ofA + "/" + deliveryId).json();
        assertThat(unchanged.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(unchanged.get("attempts")).hasSize(1);
        assertThat(auditCount(a, "openplatform.delivery.replayed")).isZero();
    }

    @Test
    void deliveriesDieAfterADayAndASubscriptionFailingForThreeDaysIsPaused() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver().answer(503, "down for maintenance");
        Subscription subscription = subscribe(org, app, receiver.url("/hooks"), "user.created");
        String path = "/api/v1/apps/" + app.id() + "/subscriptions/" + subscription.id();

        createUser(org.admin(), "Doomed One");
        String first = receiver.await(1, WAIT).get(0).eventId();
        long firstId = awaitDelivery(org, app.id(), first, "PENDING").get("id").asLong();
        awaitAttempts(org, app.id(), firstId, 1);
        clock.advance(Duration.ofHours(25));
        Api admin = as(org.adminEmail(), PASSWORD);
        Org later = new Org(org.corpId(), org.adminUserId(), org.adminEmail(), admin);
        JsonNode dead = awaitDelivery(later, app.id(), first, "DEAD");
        assertThat(dead.get("attempts").size()).isGreaterThanOrEqualTo(2);
        assertThat(dead.get("attempts").get(dead.get("attempts").size() - 1).get("status").asInt()).isEqualTo(503);
        JsonNode failing = admin.get(path).json();
        assertThat(failing.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(failing.has("failingSince")).isTrue();

        createUser(admin, "Doomed Two");
        String second = receiver.await(1, e -> !e.eventId().equals(first), WAIT).get(0).eventId();
        long secondId = awaitDelivery(later, app.id(), second, "PENDING").get("id").asLong();
        awaitAttempts(later, app.id(), secondId, 1);
        clock.advance(Duration.ofDays(2));
        admin = as(org.adminEmail(), PASSWORD);
        later = new Org(org.corpId(), org.adminUserId(), org.adminEmail(), admin);
        awaitDelivery(later, app.id(), second, "DEAD");

        JsonNode paused = admin.get(path).json();
        assertThat(paused.get("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.get("pausedReason").asText()).isEqualTo("failing");
        assertThat(paused.has("pausedAt")).isTrue();
        assertThat(auditChanges(org, "openplatform.subscription.paused")).singleElement().asString()
                .contains("failing");
        assertThat(jdbc.sql("select actor_ref from cmp_audit_record where chain = :c and action = :a")
                .param("c", tenantId(org)).param("a", "openplatform.subscription.paused").query(String.class)
                .single()).isEqualTo("system:webhooks");

        createUser(admin, "Not Sent");
        int before = receiver.received().size();
        var resumed = admin.post(path + "/resume", Map.of());
        assertThat(resumed.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(resumed.json().has("failingSince")).isFalse();
        assertThat(admin.get("/api/v1/apps/" + app.id() + "/deliveries?limit=100").json().get("items")).hasSize(2);
        assertThat(receiver.received()).hasSize(before);
    }

    /** An instant as the API takes it: ISO-8601 with Hong Kong's offset. */
    private static String iso(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private static String query(Instant instant) {
        return URLEncoder.encode(iso(instant), StandardCharsets.UTF_8);
    }
}
