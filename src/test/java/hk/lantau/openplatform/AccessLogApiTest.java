package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import hk.lantau.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every call an app makes is in its access log, refused ones included; admins of its organisation
 * read it, filtered and paged, and nobody else does.
 */
class AccessLogApiTest extends RateLimitApiTestSupport {

    @Autowired
    private Accounts accounts;

    @Test
    void everyCallOfAnAppIsLoggedWithItsOutcome() {
        Org org = newOrganisation();
        App registered = registerWithLimit(org.admin(), "Logged", 2, "user.read");
        Api app = asApp(registered);
        Instant first = clock.instant();

        var read = app.get("/api/v1/users/" + org.adminUserId());
        clock.advance(Duration.ofSeconds(1));
        var forbidden = app.get("/api/v1/audit");
        clock.advance(Duration.ofSeconds(1));
        var limited = app.get("/api/v1/users/" + org.adminUserId());
        assertThat(List.of(read.status(), forbidden.status(), limited.status())).containsExactly(200, 403, 429);
        org.admin().get("/api/v1/users");

        List<JsonNode> items = awaitEntries(org.admin(), registered.id(), 3);
        assertThat(items).extracting(i -> i.get("status").asInt()).containsExactly(429, 403, 200);
        assertThat(items).extracting(i -> i.get("path").asText())
                .containsExactly("/api/v1/users/" + org.adminUserId(), "/api/v1/audit", "/api/v1/users/{userId}");
        assertThat(items).extracting(i -> i.get("requestId").asText())
                .containsExactly(limited.header("X-Request-Id"), forbidden.header("X-Request-Id"),
                        read.header("X-Request-Id"));
        JsonNode oldest = items.get(2);
        assertThat(oldest.get("method").asText()).isEqualTo("GET");
        assertThat(oldest.get("appKey").asText()).isEqualTo(registered.appKey());
        assertThat(oldest.get("ip").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(oldest.get("latencyMs").asInt()).isNotNegative();
        assertThat(Instant.parse(oldest.get("occurredAt").asText())).isEqualTo(first.truncatedTo(ChronoUnit.MICROS));
        assertThat(loggedRows(registered.appKey())).as("the admin's own calls are not in it").isEqualTo(3);
    }

    @Test
    void filtersByTimeAndStatusClassAndPagesWithACursor() {
        Org org = newOrganisation();
        App registered = registerWithLimit(org.admin(), "Filtered", 3, "user.read");
        Api app = asApp(registered);
        Instant start = clock.instant();
        app.get("/api/v1/users");
        clock.advance(Duration.ofMinutes(1));
        app.get("/api/v1/audit");
        clock.advance(Duration.ofMinutes(1));
        app.get("/api/v1/users/nobody-" + UUID.randomUUID());
        awaitEntries(org.admin(), registered.id(), 3);
        String log = "/api/v1/apps/" + registered.id() + "/access-log";

        assertThat(statuses(org.admin().get(log + "?status=4xx"))).containsExactly(404, 403);
        assertThat(statuses(org.admin().get(log + "?status=2xx"))).containsExactly(200);
        assertThat(statuses(org.admin().get(log + "?status=5xx"))).isEmpty();
        assertThat(statuses(org.admin().get(log + "?from=" + iso(start.plusSeconds(30)) + "&to="
                + iso(start.plusSeconds(90))))).containsExactly(403);

        List<Integer> paged = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var response = org.admin().get(log + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            paged.addAll(statuses(response));
            cursor = response.json().path("nextCursor").asText(null);
            assertThat(cursor == null).as("last page after page %d", page + 1).isEqualTo(page == 2);
        }
        assertThat(paged).containsExactly(404, 403, 200);
    }

    @Test
    void refusesFiltersItCannotRead() {
        Org org = newOrganisation();
        App registered = registerWithLimit(org.admin(), "Strict", 10, "user.read");
        String log = "/api/v1/apps/" + registered.id() + "/access-log";

        assertInvalid(org.admin().get(log + "?status=9xx"), "status");
        assertInvalid(org.admin().get(log + "?status=ok"), "status");
        assertInvalid(org.admin().get(log + "?from=yesterday"), "from");
        assertInvalid(org.admin().get(log + "?to=2026-13-01T00:00:00Z"), "to");
        assertInvalid(org.admin().get(log + "?cursor=not-a-cursor"), "cursor");
        assertInvalid(org.admin().get(log + "?limit=0"), "limit");
        assertInvalid(org.admin().get(log + "?limit=201"), "limit");
    }

    @Test
    void onlyAdminsOfTheAppsOrganisationReadItsLog() {
        Org org = newOrganisation();
        Org other = newOrganisation();
        App registered = registerWithLimit(org.admin(), "Private", 10, "user.read");
        Api app = asApp(registered);
        app.get("/api/v1/users");
        awaitEntries(org.admin(), registered.id(), 1);
        String log = "/api/v1/apps/" + registered.id() + "/access-log";

        var otherAdmin = other.admin().get(log);
        assertThat(otherAdmin.status()).as(otherAdmin.body()).isEqualTo(404);
        assertThat(otherAdmin.body()).doesNotContain(registered.appKey());
        assertThat(other.admin().get("/api/v1/apps/" + Long.MAX_VALUE + "/access-log").status()).isEqualTo(404);

        assertThat(staff(org).get(log).status()).isEqualTo(403);
        assertThat(app.get(log).status()).as("apps cannot read access logs").isEqualTo(403);
        assertThat(anonymous().get(log).status()).isEqualTo(401);
    }

    private static List<Integer> statuses(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Integer> statuses = new ArrayList<>();
        response.json().get("items").forEach(i -> statuses.add(i.get("status").asInt()));
        return statuses;
    }

    private static void assertInvalid(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    private long loggedRows(String appKey) {
        return jdbc.sql("select count(*) from opf_api_access_log where app_key = :appKey").param("appKey", appKey)
                .query(Long.class).single();
    }

    /** A person of the organisation who may read the directory but not manage apps. */
    private Api staff(Org org) {
        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
        var created = org.admin().post("/api/v1/users", Map.of("name", "Staff Member", "email", email,
                "departmentIds", List.of(1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long account = accounts.createUserAccount(tenantId(org), created.json().get("userId").asText(), email);
        setPassword(accounts.issueLink(account, LoginLink.Purpose.SETUP).url(), PASSWORD);
        return as(email, PASSWORD);
    }

    private static String iso(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
