package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.shared.Tokens;
import hk.lantau.support.WebhookReceiver;
import hk.lantau.support.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An app subscribed to the approval events receives a submission, its task, the decision and the end. */
class ApprovalWebhooksApiTest extends ApprovalApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> TYPES = List.of("approval.submitted", "approval.task.assigned",
            "approval.task.finished", "approval.finished");

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void aSubmitDecideCompleteFlowArrivesSigned() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Hana Ng");
        Person boss = person(org, "Ivan Ou");
        String secret = subscribe(org, "event.subscribe", "approval.read");
        String code = createTemplate(hr.api(), template("Annual leave",
                List.of(approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String instanceId = submitLeave(staff.api(), code, 2);
        long task = pendingTask(boss.api(), boss.userId(), instanceId);
        var decided = decideRaw(boss.api(), task, "agree", "Enjoy it");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);

        List<Received> received = receiver.await(4, WAIT);
        assertThat(received).extracting(r -> r.header("Lantau-Event-Type")).containsExactlyInAnyOrderElementsOf(TYPES);
        for (Received r : received) {
            assertThat(r.header("Lantau-Signature")).isEqualTo("v1=" + Tokens.hmacHex(
                    secret.getBytes(StandardCharsets.UTF_8), r.header("Lantau-Timestamp") + "." + r.body()));
            assertThat(r.json().get("organisation").asText()).isEqualTo(org.corpId());
            assertThat(r.json().get("data").get("processInstanceId").asText()).isEqualTo(instanceId);
            assertThat(r.body()).doesNotContain("Family trip");
        }
        JsonNode submitted = data(received, "approval.submitted");
        assertThat(submitted.get("processCode").asText()).isEqualTo(code);
        assertThat(submitted.get("originatorUserId").asText()).isEqualTo(staff.userId());
        assertThat(submitted.get("title").asText()).isEqualTo("Hana Ng's Annual leave");
        assertThat(submitted.get("createTime").asText()).endsWith("Z");
        JsonNode assigned = data(received, "approval.task.assigned");
        assertThat(assigned.get("taskId").asLong()).isEqualTo(task);
        assertThat(assigned.get("userId").asText()).isEqualTo(boss.userId());
        assertThat(assigned.get("activityId").asText()).isEqualTo("lead");
        JsonNode finished = data(received, "approval.task.finished");
        assertThat(finished.get("type").asText()).isEqualTo("finish");
        assertThat(finished.get("result").asText()).isEqualTo("agree");
        assertThat(finished.get("remark").asText()).isEqualTo("Enjoy it");
        assertThat(finished.get("automatic").asBoolean()).isFalse();
        JsonNode done = data(received, "approval.finished");
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("result").asText()).isEqualTo("agree");
        assertThat(done.get("finishTime").isTextual()).isTrue();
    }

    @Test
    void anAppWithoutApprovalReadCannotSubscribeAndAnotherOrganisationHearsNothing() {
        Org org = newOrganisation();
        var app = register(org, "event.subscribe", "user.read");
        allowLocalhost(org);
        var refused = org.admin().post("/api/v1/apps/" + app + "/subscriptions",
                Map.of("callbackUrl", receiver.url("/hooks"), "eventTypes", List.of("approval.submitted")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("openplatform.scope_missing");
        assertThat(org.admin().get("/api/v1/apps/" + app + "/subscriptions").json()).isEmpty();

        subscribe(org, "event.subscribe", "approval.read");
        Org other = newOrganisation();
        Person hr = admin(other);
        Person staff = person(other, "Jo Pang");
        Person boss = person(other, "Kit Que");
        String code = createTemplate(hr.api(), template("Annual leave",
                List.of(approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String instanceId = submitLeave(staff.api(), code, 1);
        decide(boss.api(), pendingTask(boss.api(), boss.userId(), instanceId), "refuse");
        assertThat(receiver.received()).isEmpty();
        assertThat(count("select count(*) from opf_event where tenant_id = ? and type like 'approval.%'",
                tenantId(other))).isZero();
    }

    /** Registers an app with the scopes, subscribes it to the approval events and returns the signing secret. */
    private String subscribe(Org org, String... scopes) {
        long app = register(org, scopes);
        allowLocalhost(org);
        var created = org.admin().post("/api/v1/apps/" + app + "/subscriptions",
                Map.of("callbackUrl", receiver.url("/hooks"), "eventTypes", TYPES));
        assertThat(created.status()).as("subscribe: %s", created.body()).isEqualTo(201);
        return created.json().get("secret").asText();
    }

    private static long register(Org org, String... scopes) {
        var response = org.admin().post("/api/v1/apps", json("name", "Approvals app " + System.nanoTime(),
                "purpose", "Mirror approvals", "scopes", List.of(scopes), "ipAllowList", List.of()));
        assertThat(response.status()).as("register app: %s", response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static void allowLocalhost(Org org) {
        var allowed = org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "127.0.0.1"));
        assertThat(allowed.status()).as("allow 127.0.0.1: %s", allowed.body()).isIn(201, 409);
    }

    private static JsonNode data(List<Received> received, String type) {
        return received.stream().filter(r -> r.header("Lantau-Event-Type").equals(type)).findFirst().orElseThrow()
                .json().get("data");
    }
}
