package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.directory.Departments;
import hk.lantau.directory.NewDepartment;
import hk.lantau.support.WebhookReceiver;
import hk.lantau.support.WebhookReceiver.Received;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes in the directory reach a local receiver as signed platform events, once committed;
 * failed attempts are retried, logged and never follow redirects or reach refused addresses.
 */
class WebhookDeliveryApiTest extends WebhookApiTestSupport {

    private static final List<String> ALL_TYPES = List.of("user.created", "user.updated", "user.left",
            "department.created", "department.updated", "department.removed");

    @Autowired
    Departments departments;

    @Autowired
    TransactionTemplate tx;

    @Test
    void directoryChangesArriveSignedWithTheirSchemaAndNoProtectedValue() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver();
        Subscription subscription = subscribe(org, app, receiver.url("/hooks?source=lantau"),
                ALL_TYPES.toArray(String[]::new));
        String mobile = newMobile();

        String userId = createUser(org.admin(), json("name", "Chan Tai Man", "email", "tm.chan-" + app.id()
                + "@example.hk", "mobile", mobile, "hkid", "A123456(3)", "medicalNotes", "Asthma", "title", "Clerk"));
        Received created = receiver.await(1, WAIT).get(0);

        assertThat(created.method()).isEqualTo("POST");
        assertThat(created.path()).isEqualTo("/hooks?source=lantau");
        assertThat(created.header("Content-Type")).startsWith("application/json");
        assertThat(created.header("User-Agent")).isEqualTo("Lantau-Webhooks/1");
        assertThat(created.header("Lantau-Event-Type")).isEqualTo("user.created");
        assertThat(created.header("Lantau-Delivery-Attempt")).isEqualTo("1");
        String timestamp = created.header("Lantau-Timestamp");
        assertThat(Long.parseLong(timestamp)).isEqualTo(clock.instant().getEpochSecond());
        assertThat(created.header("Lantau-Signature")).isEqualTo(sign(subscription.secret(), timestamp, created.body()));
        JsonNode event = created.json();
        assertThat(event.get("id").asText()).isEqualTo(created.eventId()).hasSize(36);
        assertThat(event.get("type").asText()).isEqualTo("user.created");
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(OffsetDateTime.parse(event.get("time").asText()).getOffset().getId()).isEqualTo("+08:00");
        assertThat(event.get("organisation").asText()).isEqualTo(org.corpId());
        assertThat(event.get("data").get("userId").asText()).isEqualTo(userId);
        assertThat(event.get("data").get("name").asText()).isEqualTo("Chan Tai Man");
        assertThat(event.get("data").get("departmentIds")).extracting(JsonNode::asLong).containsExactly(1L);
        assertThat(event.fieldNames()).toIterable()
                .containsExactly("id", "type", "version", "time", "organisation", "data");

        var changed = org.admin().patch("/api/v1/users/" + userId, json("title", "Warehouse supervisor",
                "mobile", newMobile(), "clear", List.of("medicalNotes")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode updated = receiver.await(2, WAIT).get(1).json();
        assertThat(updated.get("type").asText()).isEqualTo("user.updated");
        assertThat(updated.get("data").get("changedFields")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("title", "mobile", "medicalNotes");
        assertThat(updated.get("data").get("changes").toString())
                .isEqualTo("{\"title\":{\"from\":\"Clerk\",\"to\":\"Warehouse supervisor\"}}");

        long department = createDepartment(org.admin(), "Logistics");
        org.admin().patch("/api/v1/departments/" + department, json("name", "Supply chain"));
        org.admin().post("/api/v1/users/" + userId + "/suspend", Map.of());
        org.admin().patch("/api/v1/users/" + userId, json("departmentIds", List.of(department)));
        org.admin().post("/api/v1/users/" + userId + "/leave", Map.of());
        List<JsonNode> events = receiver.await(9, WAIT).stream().map(Received::json).toList();

        assertThat(events).extracting(e -> e.get("type").asText()).containsExactlyInAnyOrder("user.created",
                "user.updated", "department.created", "department.updated", "user.updated", "user.updated",
                "user.updated", "user.updated", "user.left");
        assertThat(find(events, "department.created").get("data").toString()).isEqualTo(
                "{\"departmentId\":" + department + ",\"name\":\"Logistics\",\"parentId\":1,\"virtual\":false}");
        assertThat(find(events, "department.updated").get("data").get("changes").toString())
                .isEqualTo("{\"name\":{\"from\":\"Logistics\",\"to\":\"Supply chain\"}}");
        assertThat(events).anySatisfy(e -> assertThat(e.get("data").path("changes").path("status").toString())
                .isEqualTo("{\"from\":\"ACTIVE\",\"to\":\"SUSPENDED\"}"));
        assertThat(events).anySatisfy(e -> assertThat(e.get("data").path("changes").path("departmentIds").toString())
                .isEqualTo("{\"added\":[" + department + "],\"removed\":[]}"));
        assertThat(find(events, "user.left").get("data").toString()).isEqualTo("{\"userId\":\"" + userId + "\"}");
        assertThat(events.stream().map(e -> e.get("id").asText()).distinct()).hasSize(9);

        assertThat(org.admin().delete("/api/v1/departments/" + department).status()).isEqualTo(204);
        JsonNode removed = receiver.await(10, WAIT).get(9).json();
        assertThat(removed.get("data").toString()).isEqualTo("{\"departmentId\":" + department
                + ",\"name\":\"Supply chain\",\"virtual\":false,\"removedUserIds\":[]}");

        String everything = String.join("\n", receiver.received().stream().map(Received::body).toList());
        String digits = mobile.replaceAll("\\D", "");
        assertThat(everything).doesNotContain(digits.substring(3), "A123456", "Asthma", "****", "***");
        JsonNode log = awaitDelivery(org, app.id(), created.eventId(), "DELIVERED");
        assertThat(log.get("attempts")).hasSize(1);
        assertThat(log.get("attempts").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(log.get("attempts").get(0).get("succeeded").asBoolean()).isTrue();
        assertThat(log.get("attempts").get(0).get("responseBody").asText()).isEqualTo("ok");
    }

    @Test
    void aRolledBackChangeSendsNothingAndACommittedOneIsSentOnce() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver();
        subscribe(org, app, receiver.url("/hooks"), "department.created");
        long tenantId = tenantId(org);

        try {
            tx.executeWithoutResult(status -> {
                departments.create(tenantId, new NewDepartment("Rolled back", 1L, null, false));
                throw new IllegalStateException("the change fails after its event was published");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        long committed = createDepartment(org.admin(), "Committed");

        Received only = receiver.await(1, WAIT).get(0);
        assertThat(only.json().get("data").get("departmentId").asLong()).isEqualTo(committed);
        awaitDelivery(org, app.id(), only.eventId(), "DELIVERED");
        assertThat(receiver.received()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from opf_event where tenant_id = :t").param("t", tenantId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void failedAttemptsAreRetriedWithBackoffUntilTheReceiverAnswers() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver().answer(500, "x".repeat(3000));
        subscribe(org, app, receiver.url("/hooks"), "user.created");

        createUser(org.admin(), "Retry Person");
        Received first = receiver.await(1, WAIT).get(0);
        JsonNode delivery = awaitDelivery(org, app.id(), first.eventId(), "PENDING");
        delivery = awaitAttempts(org, app.id(), delivery.get("id").asLong(), 1);
        JsonNode attempt = delivery.get("attempts").get(0);
        assertThat(attempt.get("succeeded").asBoolean()).isFalse();
        assertThat(attempt.get("status").asInt()).isEqualTo(500);
        assertThat(attempt.get("responseBody").asText()).hasSize(1025).endsWith("x…");
        assertThat(java.time.Instant.parse(delivery.get("nextAttemptAt").asText()))
                .isBetween(clock.instant().plusSeconds(1), clock.instant().plusSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        Received second = receiver.await(2, WAIT).get(1);
        assertThat(second.eventId()).isEqualTo(first.eventId());
        assertThat(second.header("Lantau-Delivery-Attempt")).isEqualTo("2");
        awaitAttempts(org, app.id(), delivery.get("id").asLong(), 2);

        receiver.answer(204, "");
        clock.advance(Duration.ofSeconds(20));
        receiver.await(3, WAIT);
        JsonNode delivered = awaitDelivery(org, app.id(), first.eventId(), "DELIVERED");
        assertThat(delivered.get("attempts")).extracting(a -> a.get("status").asInt()).containsExactly(500, 500, 204);
        assertThat(delivered.get("attemptCount").asInt()).isEqualTo(3);
        assertThat(delivered.has("nextAttemptAt")).isFalse();
    }

    @Test
    void aRedirectIsAFailedAttemptAndIsNotFollowed() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver elsewhere = receiver();
        WebhookReceiver receiver = receiver().redirect(elsewhere.url("/stolen"));
        subscribe(org, app, receiver.url("/hooks"), "user.created");

        JsonNode attempt = firstFailedAttempt(org, app, receiver, "Redirect Person");
        assertThat(attempt.get("status").asInt()).isEqualTo(302);
        assertThat(attempt.get("succeeded").asBoolean()).isFalse();
        assertThat(elsewhere.received()).isEmpty();
    }

    @Test
    void aReceiverThatHoldsTheRequestTimesOut() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver();
        receiver.holdRequests();
        subscribe(org, app, receiver.url("/hooks"), "user.created");

        JsonNode attempt = firstFailedAttempt(org, app, receiver, "Slow Receiver");
        receiver.release();
        assertThat(attempt.get("succeeded").asBoolean()).isFalse();
        assertThat(attempt.has("status")).isFalse();
        assertThat(attempt.get("error").asText()).startsWith("timeout");
    }

    @Test
    void eachAttemptChecksTheAddressAgain() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver();
        subscribe(org, app, "https://127.0.0.1:" + receiver.port() + "/tls", "user.created");
        subscribe(org, app, receiver.url("/plain"), "user.created");
        assertThat(org.admin().delete("/api/v1/webhooks/allowed-hosts/127.0.0.1").status()).isEqualTo(204);

        createUser(org.admin(), "Refused Person");
        List<JsonNode> attempted = awaitDeliveries(org, app.id(), d -> d.get("attempts").size() > 0, 2);
        List<String> errors = attempted.stream().map(d -> d.get("attempts").get(0).get("error").asText()).toList();

        assertThat(errors).containsExactlyInAnyOrder(
                "refused: the host resolves to an internal address the organisation did not allow",
                "refused: http is only for hosts allowed for the organisation");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void afterARotationDeliveriesCarryASignatureOfEachSecret() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver();
        Subscription subscription = subscribe(org, app, receiver.url("/hooks"), "user.created");
        String newSecret = org.admin().post("/api/v1/apps/" + app.id() + "/subscriptions/" + subscription.id()
                + "/rotate-secret", Map.of()).json().get("secret").asText();

        createUser(org.admin(), "Rotation Person");
        Received during = receiver.await(1, WAIT).get(0);
        String timestamp = during.header("Lantau-Timestamp");
        assertThat(during.header("Lantau-Signature")).isEqualTo(sign(newSecret, timestamp, during.body()) + ","
                + sign(subscription.secret(), timestamp, during.body()));

        clock.advance(Duration.ofHours(25));
        org = new Org(org.corpId(), org.adminUserId(), org.adminEmail(), as(org.adminEmail(), PASSWORD));
        createUser(org.admin(), "After Rotation");
        Received after = receiver.await(2, WAIT).get(1);
        assertThat(after.header("Lantau-Signature"))
                .isEqualTo(sign(newSecret, after.header("Lantau-Timestamp"), after.body()));
    }

    private static JsonNode find(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).findFirst().orElseThrow();
    }
}
