package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import hk.lantau.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/** Admins register, change, disable and enable apps and rotate and revoke their secrets. */
class AppsApiTest extends OpenPlatformApiTestSupport {

    @Autowired
    private Accounts accounts;

    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void adminsRegisterChangeDisableAndEnableAppsAndEachChangeIsAudited() {
        List<AppChanged> changes = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof AppChanged changed) {
                changes.add(changed);
            }
        });
        Org org = newOrganisation();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "HR sync");
        body.put("description", "Nightly export to the HR system");
        body.put("purpose", "Keeps the HR system's staff list in step with the directory");
        body.put("scopes", List.of("user.read", "department.read"));
        body.put("ipAllowList", List.of("203.0.113.0/24", "2001:DB8:0:0::/32", "198.51.100.7"));
        var created = org.admin().post("/api/v1/apps", body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        JsonNode app = created.json();
        long id = app.get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/apps/" + id);
        assertThat(app.get("ownerUserId").asText()).isEqualTo(org.adminUserId());
        assertThat(texts(app.get("scopes"))).containsExactly("department.read", "user.read");
        assertThat(texts(app.get("ipAllowList"))).containsExactly("203.0.113.0/24", "2001:db8::/32",
                "198.51.100.7/32");
        assertThat(app.get("rateLimitPerMinute").asInt()).isEqualTo(600);
        assertThat(app.get("status").asText()).isEqualTo("active");
        assertThat(app.get("secrets").get("usable").asInt()).isEqualTo(1);
        assertThat(app.get("secret").get("value").asText()).hasSize(43);
        String secret = app.get("secret").get("value").asText();

        var fetched = org.admin().get("/api/v1/apps/" + id).json();
        assertThat(fetched.has("secret")).isFalse();
        assertThat(fetched.get("secrets").get("expiresSoon").asBoolean()).isFalse();
        assertThat(fetched.toString()).doesNotContain(secret);
        assertThat(texts(org.admin().get("/api/v1/apps").json(), "name")).containsExactly("HR sync");

        var changed = org.admin().patch("/api/v1/apps/" + id, Map.of("name", "HR export", "rateLimitPerMinute", 1200,
                "ipAllowList", List.of()));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("name").asText()).isEqualTo("HR export");
        assertThat(changed.json().get("rateLimitPerMinute").asInt()).isEqualTo(1200);
        assertThat(changed.json().get("ipAllowList")).isEmpty();
        assertThat(org.admin().post("/api/v1/apps/" + id + "/disable", null).json().get("status").asText())
                .isEqualTo("disabled");
        assertThat(org.admin().post("/api/v1/apps/" + id + "/disable", null).status()).isEqualTo(200);
        assertThat(org.admin().post("/api/v1/apps/" + id + "/enable", null).json().get("status").asText())
                .isEqualTo("active");

        List<String> registered = auditChanges(org, "openplatform.app.registered");
        assertThat(registered).singleElement().satisfies(c -> assertThat(c).contains("user.read", "203.0.113.0/24",
                secret.substring(39)).doesNotContain(secret));
        assertThat(auditChanges(org, "openplatform.app.updated")).singleElement().satisfies(c -> assertThat(c)
                .contains("\"from\":\"HR sync\"", "\"to\":\"HR export\"", "1200"));
        assertThat(auditCount(org, "openplatform.app.disabled")).isEqualTo(1);
        assertThat(auditCount(org, "openplatform.app.enabled")).isEqualTo(1);
        assertThat(changes).filteredOn(e -> e.app().appKey().equals(app.get("appKey").asText()))
                .extracting(AppChanged::kind).containsExactly(
                AppChanged.Kind.REGISTERED, AppChanged.Kind.UPDATED, AppChanged.Kind.DISABLED,
                AppChanged.Kind.ENABLED);
    }

    @Test
    void badInputIsRefusedNamingTheFieldsAndChangesNothing() {
        Org org = newOrganisation();
        String suspended = person(org, "Suspended Owner");
        assertThat(org.admin().post("/api/v1/users/" + suspended + "/suspend", null).status()).isEqualTo(200);
        long before = apps(org);

        var scopes = org.admin().post("/api/v1/apps", app("Bad scopes", List.of("user.read", "users.everything")));
        assertThat(scopes.status()).isEqualTo(400);
        assertThat(scopes.code()).isEqualTo("openplatform.scope_unknown");
        assertThat(fields(scopes)).containsExactly("scopes[1]");
        assertThat(scopes.json().get("detail").asText()).contains("users.everything", "user.read", "pii.hkid.read",
                "event.subscribe");
        assertThat(org.admin().post("/api/v1/apps", app("No scopes", List.of())).code())
                .isEqualTo("openplatform.scopes_missing");

        Map<String, Object> cidrs = app("Bad CIDRs", List.of("user.read"));
        cidrs.put("ipAllowList", List.of("10.0.0.300/8", "intranet.example", "10.0.0.5/24", "2001:db8::/129",
                "10.1.0.0/16"));
        var cidr = org.admin().post("/api/v1/apps", cidrs);
        assertThat(cidr.status()).isEqualTo(400);
        assertThat(cidr.code()).isEqualTo("openplatform.app_invalid");
        assertThat(fields(cidr)).containsExactly("ipAllowList[0]", "ipAllowList[1]", "ipAllowList[2]",
                "ipAllowList[3]");
        assertThat(cidr.body()).contains("the block is 10.0.0.0/24");

        for (String owner : List.of(suspended, "nobody-here")) {
            Map<String, Object> request = app("Bad owner", List.of("user.read"));
            request.put("ownerUserId", owner);
            var refused = org.admin().post("/api/v1/apps", request);
            assertThat(refused.code()).as(owner).isEqualTo("openplatform.owner_invalid");
            assertThat(fields(refused)).containsExactly("ownerUserId");
        }
        for (int limit : new int[] {0, 100_001}) {
            Map<String, Object> request = app("Bad limit", List.of("user.read"));
            request.put("rateLimitPerMinute", limit);
            assertThat(org.admin().post("/api/v1/apps", request).code()).isEqualTo("openplatform.rate_limit_invalid");
        }
        Map<String, Object> several = app("", List.of("nope"));
        several.put("purpose", " ");
        var all = org.admin().post("/api/v1/apps", several);
        assertThat(all.code()).isEqualTo("openplatform.app_invalid");
        assertThat(fields(all)).containsExactly("name", "purpose", "scopes[0]");
        var unknownField = org.admin().post("/api/v1/apps", Map.of("name", "x", "secret", "mine"));
        assertThat(unknownField.code()).isEqualTo("request.unknown_field");

        App taken = register(org.admin(), "Taken", "user.read");
        var twice = org.admin().post("/api/v1/apps", app("taken", List.of("user.read")));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("openplatform.name_taken");
        var badChange = org.admin().patch("/api/v1/apps/" + taken.id(), Map.of("scopes", List.of("root"),
                "ipAllowList", List.of("::1/200")));
        assertThat(fields(badChange)).containsExactly("scopes[0]", "ipAllowList[0]");
        assertThat(org.admin().get("/api/v1/apps/" + taken.id()).json().get("scopes").get(0).asText())
                .isEqualTo("user.read");
        assertThat(apps(org)).isEqualTo(before + 1);
        assertThat(auditCount(org, "openplatform.app.registered")).isEqualTo(1);
        assertThat(auditCount(org, "openplatform.app.updated")).isZero();
    }

    @Test
    void ownershipPassesToAnotherActivePerson() {
        Org org = newOrganisation();
        String colleague = person(org, "New Owner");
        App app = register(org.admin(), "Handed over", "user.read");

        var changed = org.admin().patch("/api/v1/apps/" + app.id(), Map.of("ownerUserId", colleague));

        assertThat(changed.json().get("ownerUserId").asText()).isEqualTo(colleague);
        assertThat(auditChanges(org, "openplatform.app.updated").get(0)).contains(colleague);
    }

    @Test
    void secretsRotateWithAChosenGraceAndWarnBeforeTheyExpire() {
        Org org = newOrganisation();
        App app = register(org.admin(), "Rotated", "user.read");
        String path = "/api/v1/apps/" + app.id() + "/secrets";

        assertThat(org.admin().post(path, Map.of("graceDays", 31)).code()).isEqualTo("openplatform.grace_invalid");
        assertThat(org.admin().post(path, Map.of("graceDays", -1)).code()).isEqualTo("openplatform.grace_invalid");
        var issued = org.admin().post(path, null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        JsonNode secret = issued.json();
        assertThat(secret.get("value").asText()).hasSize(43).isNotEqualTo(app.secret());
        assertThat(secret.get("state").asText()).isEqualTo("active");

        JsonNode list = org.admin().get(path).json();
        assertThat(list.findValuesAsText("state")).containsExactly("active", "grace");
        assertThat(list.get(1).get("graceUntil").asText()).isNotEmpty();
        assertThat(list.toString()).doesNotContain(app.secret()).doesNotContain(secret.get("value").asText());
        assertThat(list.get(0).has("value")).isFalse();
        assertThat(auditChanges(org, "openplatform.secret.issued")).singleElement().satisfies(c -> assertThat(c)
                .contains("\"graceDays\":7", "\"replaced\":1").doesNotContain(secret.get("value").asText()));

        clock.advance(Duration.ofDays(77));
        Api admin = as(org.adminEmail(), PASSWORD);
        JsonNode soon = admin.get("/api/v1/apps/" + app.id()).json().get("secrets");
        assertThat(soon.get("usable").asInt()).isEqualTo(1);
        assertThat(soon.get("expiresSoon").asBoolean()).isTrue();
        assertThat(admin.get(path).json().findValuesAsText("state")).containsExactly("active", "retired");

        var revoked = admin.post(path + "/" + secret.get("id").asLong() + "/revoke", null);
        assertThat(revoked.json().get("state").asText()).isEqualTo("revoked");
        assertThat(admin.post(path + "/" + secret.get("id").asLong() + "/revoke", null).status()).isEqualTo(200);
        assertThat(auditCount(org, "openplatform.secret.revoked")).isEqualTo(1);
        assertThat(admin.post(path + "/999999/revoke", null).code()).isEqualTo("openplatform.secret_not_found");
        assertThat(admin.get("/api/v1/apps/" + app.id()).json().get("secrets").get("usable").asInt()).isZero();
    }

    @Test
    void peopleWithoutTheRightSeeAndChangeNoApps() {
        Org org = newOrganisation();
        App app = register(org.admin(), "Guarded", "user.read");
        Api staff = signIn(org, person(org, "Plain Staff"));

        var list = staff.get("/api/v1/apps");
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.code()).isEqualTo("auth.permission_missing");
        assertThat(staff.post("/api/v1/apps", app("Mine", List.of("user.read"))).status()).isEqualTo(403);
        assertThat(staff.post("/api/v1/apps/" + app.id() + "/secrets", null).status()).isEqualTo(403);
        assertThat(staff.post("/api/v1/apps/" + app.id() + "/disable", null).status()).isEqualTo(403);
        assertThat(apps(org)).isEqualTo(1);
    }

    @Test
    void anotherOrganisationsAppsAreNotFound() {
        Org mine = newOrganisation();
        Org theirs = newOrganisation();
        App app = register(mine.admin(), "Private", "user.read");
        long secretId = app.body().get("secret").get("id").asLong();
        Api other = theirs.admin();
        String base = "/api/v1/apps/" + app.id();

        List<Api.Response> answers = new ArrayList<>(List.of(other.get(base),
                other.patch(base, Map.of("name", "Stolen")), other.post(base + "/disable", null),
                other.post(base + "/enable", null), other.get(base + "/secrets"), other.post(base + "/secrets", null),
                other.post(base + "/secrets/" + secretId + "/revoke", null)));
        App theirApp = register(other, "Theirs", "user.read");
        answers.add(other.post("/api/v1/apps/" + theirApp.id() + "/secrets/" + secretId + "/revoke", null));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(404));
        assertThat(texts(other.get("/api/v1/apps").json(), "name")).containsExactly("Theirs");
        assertThat(mine.admin().get(base).json().get("name").asText()).isEqualTo("Private");
        assertThat(mine.admin().get(base + "/secrets").json().findValuesAsText("state")).containsExactly("active");
        assertThat(grant(app.appKey(), app.secret()).status()).isEqualTo(200);
    }

    private static Map<String, Object> app(String name, List<String> scopes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("purpose", "Tests");
        body.put("scopes", scopes);
        return body;
    }

    private long apps(Org org) {
        return jdbc.sql("select count(*) from opf_app where tenant_id = :t").param("t", tenantId(org))
                .query(Long.class).single();
    }

    private String person(Org org, String name) {
        var created = org.admin().post("/api/v1/users", Map.of("name", name,
                "email", "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("userId").asText();
    }

    private Api signIn(Org org, String userId) {
        String email = jdbc.sql("select email from dir_user where tenant_id = :t and userid = :u")
                .param("t", tenantId(org)).param("u", userId).query(String.class).single();
        long account = accounts.createUserAccount(tenantId(org), userId, email);
        setPassword(accounts.issueLink(account, LoginLink.Purpose.SETUP).url(), PASSWORD);
        return as(email, PASSWORD);
    }

    private static List<String> fields(Api.Response response) {
        return response.json().get("errors").findValuesAsText("field");
    }

    private static List<String> texts(JsonNode array) {
        return texts(array, null);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(field == null ? node.asText() : node.path(field).asText()));
        return values;
    }
}
