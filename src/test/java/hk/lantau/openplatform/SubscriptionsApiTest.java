package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins subscribe apps to events; the API guards scopes, URLs, secrets and tenancy. */
class SubscriptionsApiTest extends WebhookApiTestSupport {

    private static final String PUBLIC_URL = "https://93.184.215.14/hooks/lantau?token=abc";

    @Test
    void anAdminSubscribesAnAppAndSeesItsSecretOnlyOnce() {
        Org org = newOrganisation();
        App app = subscriberApp(org);

        var created = org.admin().post("/api/v1/apps/" + app.id() + "/subscriptions",
                Map.of("callbackUrl", PUBLIC_URL, "eventTypes", List.of("user.created", "department.created")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        String secret = created.json().get("secret").asText();
        assertThat(secret).startsWith("whsec_").hasSize(49);
        JsonNode subscription = created.json().get("subscription");
        long id = subscription.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/apps/" + app.id() + "/subscriptions/" + id);
        assertThat(subscription.get("callbackUrl").asText()).isEqualTo(PUBLIC_URL);
        assertThat(subscription.get("eventTypes")).extracting(JsonNode::asText)
                .containsExactly("user.created", "department.created");
        assertThat(subscription.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(subscription.get("secretHint").asText()).isEqualTo(secret.substring(secret.length() - 4));

        var one = org.admin().get("/api/v1/apps/" + app.id() + "/subscriptions/" + id);
        var list = org.admin().get("/api/v1/apps/" + app.id() + "/subscriptions");
        assertThat(one.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(one.body() + list.body()).doesNotContain(secret).doesNotContain("\"secret\"");
        String sealed = jdbc.sql("select secret_sealed from opf_subscription where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(sealed).isNotBlank().doesNotContain(secret.substring(6));
        assertThat(auditChanges(org, "openplatform.subscription.created")).singleElement().asString()
                .contains("https://93.184.215.14/hooks/lantau", "user.created").doesNotContain("token=abc");
    }

    @Test
    void theAppsScopesDecideWhichTypesItMaySubscribeTo() {
        Org org = newOrganisation();
        App readsPeople = register(org.admin(), "No events", "user.read");
        App peopleEvents = register(org.admin(), "People events", "event.subscribe", "user.read");

        var noSubscribeScope = subscribe(org.admin(), readsPeople, PUBLIC_URL, "user.created");
        var noDepartmentScope = subscribe(org.admin(), peopleEvents, PUBLIC_URL, "user.left", "department.created");

        assertThat(noSubscribeScope.status()).isEqualTo(400);
        assertThat(noSubscribeScope.code()).isEqualTo("openplatform.scope_missing");
        assertThat(noSubscribeScope.json().get("detail").asText()).contains("event.subscribe");
        assertThat(noDepartmentScope.status()).isEqualTo(400);
        assertThat(noDepartmentScope.code()).isEqualTo("openplatform.scope_missing");
        assertThat(noDepartmentScope.json().get("detail").asText()).contains("department.read", "department.created");
        assertThat(noDepartmentScope.json().get("errors").get(0).get("field").asText()).isEqualTo("eventTypes[1]");
        assertThat(subscribe(org.admin(), peopleEvents, PUBLIC_URL, "user.left").status()).isEqualTo(201);
        assertThat(org.admin().get("/api/v1/apps/" + readsPeople.id() + "/subscriptions").json()).isEmpty();
        assertThat(org.admin().get("/api/v1/apps/" + peopleEvents.id() + "/subscriptions").json()).hasSize(1);
    }

    @Test
    void unknownTypesAndBadUrlsAreRefusedWithTheFieldNamedAndNothingChanges() {
        Org org = newOrganisation();
        App app = subscriberApp(org);

        var unknown = subscribe(org.admin(), app, PUBLIC_URL, "user.created", "user.deleted");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("openplatform.event_type_unknown");
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("eventTypes[1]");
        assertThat(subscribe(org.admin(), app, PUBLIC_URL).code()).isEqualTo("openplatform.event_types_required");
        for (String url : List.of("", "not a url", "ftp://93.184.215.14/x", "https:///path", "https://user:pw@93.184.215.14/",
                "https://93.184.215.14/#fragment", "https://exa mple.com/", "mailto:ops@example.com")) {
            var refused = subscribe(org.admin(), app, url, "user.created");
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.code()).as(url).isEqualTo("openplatform.callback_invalid");
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("callbackUrl");
        }
        assertThat(subscribe(org.admin(), app, "http://93.184.215.14/hooks", "user.created").code())
                .isEqualTo("openplatform.callback_insecure");
        for (String url : List.of("https://127.0.0.1/", "https://127.1.2.3:8443/x", "https://localhost/",
                "https://10.0.0.5/", "https://172.20.1.1/", "https://192.168.1.10/", "https://100.64.0.1/",
                "https://169.254.169.254/latest/meta-data", "https://0.0.0.0/", "https://224.0.0.1/",
                "https://255.255.255.255/", "https://[::1]/", "https://[::]/", "https://[fe80::1]/",
                "https://[fd00::1]/", "https://[ff02::1]/", "https://[::ffff:127.0.0.1]/",
                "https://[::ffff:a9fe:a9fe]/", "https://[64:ff9b::a00:1]/")) {
            var refused = subscribe(org.admin(), app, url, "user.created");
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.code()).as(url).isEqualTo("openplatform.callback_internal");
        }
        var unknownField = org.admin().post("/api/v1/apps/" + app.id() + "/subscriptions",
                Map.of("callbackUrl", PUBLIC_URL, "eventTypes", List.of("user.created"), "secret", "mine"));
        assertThat(unknownField.code()).isEqualTo("request.unknown_field");

        assertThat(org.admin().get("/api/v1/apps/" + app.id() + "/subscriptions").json()).isEmpty();
        assertThat(auditCount(org, "openplatform.subscription.created")).isZero();
    }

    @Test
    void anAllowedHostMayBeInternalAndPlainHttp() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        assertThat(subscribe(org.admin(), app, "https://10.1.2.3/hooks", "user.created").code())
                .isEqualTo("openplatform.callback_internal");

        var allowed = org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "10.1.2.3"));
        var mapped = org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "[::FFFF:10.9.9.9]"));
        var named = org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "ERP.Corp.Internal."));

        assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
        assertThat(allowed.json().get("host").asText()).isEqualTo("10.1.2.3");
        assertThat(mapped.json().get("host").asText()).isEqualTo("10.9.9.9");
        assertThat(named.json().get("host").asText()).isEqualTo("erp.corp.internal");
        assertThat(subscribe(org.admin(), app, "https://10.1.2.3/hooks", "user.created").status()).isEqualTo(201);
        assertThat(subscribe(org.admin(), app, "http://10.1.2.3:8080/hooks", "user.created").status()).isEqualTo(201);
        assertThat(subscribe(org.admin(), app, "http://[::ffff:10.9.9.9]/", "user.created").status()).isEqualTo(201);
        assertThat(org.admin().get("/api/v1/webhooks/allowed-hosts").json()).extracting(h -> h.get("host").asText())
                .containsExactly("10.1.2.3", "10.9.9.9", "erp.corp.internal");

        var duplicate = org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "10.1.2.3"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("openplatform.host_exists");
        for (String bad : List.of("https://10.1.2.3", "10.1.2.3:80", "a..b", "fe80::1%eth0", " ")) {
            var refused = org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", bad));
            assertThat(refused.status()).as(bad).isEqualTo(400);
        }
        assertThat(org.admin().delete("/api/v1/webhooks/allowed-hosts/10.9.9.9").status()).isEqualTo(204);
        var again = org.admin().delete("/api/v1/webhooks/allowed-hosts/10.9.9.9");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("openplatform.host_not_found");
        assertThat(subscribe(org.admin(), app, "http://10.9.9.9/", "user.created").code())
                .isEqualTo("openplatform.callback_insecure");
        assertThat(auditCount(org, "openplatform.webhook_host.allowed")).isEqualTo(3);
        assertThat(auditCount(org, "openplatform.webhook_host.removed")).isEqualTo(1);
    }

    @Test
    void anAdminPausesResumesRotatesChangesAndDeletesASubscription() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        Subscription subscription = subscribe(org, app, PUBLIC_URL, "user.created");
        String path = "/api/v1/apps/" + app.id() + "/subscriptions/" + subscription.id();

        var paused = org.admin().post(path + "/pause", Map.of());
        org.admin().post(path + "/pause", Map.of());
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.json().get("pausedReason").asText()).isEqualTo("admin");
        assertThat(Instant.parse(paused.json().get("pausedAt").asText())).isEqualTo(clock.instant()
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(auditCount(org, "openplatform.subscription.paused")).isEqualTo(1);
        var resumed = org.admin().post(path + "/resume", Map.of());
        assertThat(resumed.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(resumed.json().has("pausedReason")).isFalse();
        assertThat(auditCount(org, "openplatform.subscription.resumed")).isEqualTo(1);

        var rotated = org.admin().post(path + "/rotate-secret", Map.of());
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.header("Cache-Control")).contains("no-store");
        String secret = rotated.json().get("secret").asText();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(subscription.secret());
        JsonNode after = rotated.json().get("subscription");
        assertThat(after.get("secretHint").asText()).isEqualTo(secret.substring(secret.length() - 4));
        assertThat(Instant.parse(after.get("previousSecretUntil").asText()))
                .isEqualTo(clock.instant().plus(Duration.ofHours(24)).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(auditChanges(org, "openplatform.subscription.secret_rotated")).singleElement().asString()
                .doesNotContain(secret).doesNotContain(subscription.secret());

        var changed = org.admin().patch(path, Map.of("eventTypes", List.of("user.left", "user.updated")));
        assertThat(changed.json().get("eventTypes")).extracting(JsonNode::asText)
                .containsExactly("user.left", "user.updated");
        var badChange = org.admin().patch(path, Map.of("callbackUrl", "https://10.0.0.1/"));
        assertThat(badChange.code()).isEqualTo("openplatform.callback_internal");
        assertThat(org.admin().get(path).json().get("callbackUrl").asText()).isEqualTo(PUBLIC_URL);
        assertThat(auditChanges(org, "openplatform.subscription.changed")).singleElement().asString()
                .contains("user.created", "user.left");

        assertThat(org.admin().delete(path).status()).isEqualTo(204);
        assertThat(org.admin().get(path).status()).isEqualTo(404);
        assertThat(org.admin().get(path).code()).isEqualTo("openplatform.subscription_not_found");
        assertThat(org.admin().get("/api/v1/apps/" + app.id() + "/subscriptions").json()).isEmpty();
        assertThat(org.admin().delete(path).status()).isEqualTo(404);
        assertThat(auditCount(org, "openplatform.subscription.deleted")).isEqualTo(1);
    }

    @Test
    void anotherOrganisationsAdminFindsNeitherTheAppNorItsSubscriptions() {
        Org a = newOrganisation();
        Org b = newOrganisation();
        App appOfA = subscriberApp(a);
        Subscription subscription = subscribe(a, appOfA, PUBLIC_URL, "user.created");
        a.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "10.7.7.7"));
        App appOfB = subscriberApp(b);
        String ofA = "/api/v1/apps/" + appOfA.id() + "/subscriptions";
        String viaB = "/api/v1/apps/" + appOfB.id() + "/subscriptions/" + subscription.id();

        List<Api.Response> answers = List.of(b.admin().get(ofA), b.admin().get(ofA + "/" + subscription.id()),
                b.admin().post(ofA, Map.of("callbackUrl", PUBLIC_URL, "eventTypes", List.of("user.created"))),
                b.admin().patch(ofA + "/" + subscription.id(), Map.of("eventTypes", List.of("user.left"))),
                b.admin().post(ofA + "/" + subscription.id() + "/pause", Map.of()),
                b.admin().post(ofA + "/" + subscription.id() + "/resume", Map.of()),
                b.admin().post(ofA + "/" + subscription.id() + "/rotate-secret", Map.of()),
                b.admin().delete(ofA + "/" + subscription.id()));
        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("openplatform.app_not_found");
        }
        for (Api.Response answer : List.of(b.admin().get(viaB), b.admin().post(viaB + "/pause", Map.of()),
                b.admin().post(viaB + "/rotate-secret", Map.of()), b.admin().delete(viaB))) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("openplatform.subscription_not_found");
        }
        assertThat(b.admin().delete("/api/v1/webhooks/allowed-hosts/10.7.7.7").status()).isEqualTo(404);
        assertThat(b.admin().get("/api/v1/webhooks/allowed-hosts").json()).isEmpty();
        assertThat(subscribe(b.admin(), appOfB, "https://10.7.7.7/", "user.created").code())
                .isEqualTo("openplatform.callback_internal");

        JsonNode unchanged = a.admin().get(ofA + "/" + subscription.id()).json();
        assertThat(unchanged.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(unchanged.get("secretHint").asText()).isEqualTo(subscription.body().get("secretHint").asText());
        assertThat(unchanged.get("eventTypes")).extracting(JsonNode::asText).containsExactly("user.created");
        assertThat(a.admin().get("/api/v1/webhooks/allowed-hosts").json()).hasSize(1);
    }

    @Test
    void onlyPeopleWhoManageAppsMaySubscribe() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        Api asApp = asApp(app);

        var byApp = asApp.post("/api/v1/apps/" + app.id() + "/subscriptions",
                Map.of("callbackUrl", PUBLIC_URL, "eventTypes", List.of("user.created")));
        var anonymous = anonymous().get("/api/v1/apps/" + app.id() + "/subscriptions");

        assertThat(byApp.status()).as(byApp.body()).isEqualTo(403);
        assertThat(asApp.get("/api/v1/webhooks/allowed-hosts").status()).isEqualTo(403);
        assertThat(asApp.get("/api/v1/apps/" + app.id() + "/deliveries").status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(org.admin().get("/api/v1/apps/" + app.id() + "/subscriptions").json()).isEmpty();
    }

    @Test
    void theEventTypesAreListedWithTheScopesTheyNeed() {
        Org org = newOrganisation();

        var types = org.admin().get("/api/v1/webhooks/event-types");

        assertThat(types.status()).isEqualTo(200);
        assertThat(types.json()).extracting(t -> t.get("type").asText()).containsExactly("user.created",
                "user.updated", "user.left", "department.created", "department.updated", "department.removed",
                "approval.submitted", "approval.task.assigned", "approval.task.finished", "approval.finished",
                "attendance.punch.recorded", "attendance.day.closed");
        JsonNode first = types.json().get(0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("scopes")).extracting(JsonNode::asText).containsExactly("event.subscribe", "user.read");
    }

    private Api.Response subscribe(Api admin, App app, String url, String... types) {
        return admin.post("/api/v1/apps/" + app.id() + "/subscriptions",
                Map.of("callbackUrl", url, "eventTypes", List.of(types)));
    }
}
