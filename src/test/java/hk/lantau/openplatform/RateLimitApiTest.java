package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every app is held to its calls per minute: each response says where it stands, a call over the
 * limit is refused with 429 and does nothing, and the window refills when the clock moves on.
 */
class RateLimitApiTest extends RateLimitApiTestSupport {

    @Test
    void everyResponseToAnAppCarriesItsAllowance() {
        Org org = newOrganisation();
        Api app = asApp(registerWithLimit(org.admin(), "Allowance", 5, "user.read"));

        var first = app.get("/api/v1/users/" + org.adminUserId());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4");
        assertThat(first.header("X-RateLimit-Reset")).isEqualTo("60");
        assertThat(first.header("Retry-After")).isNull();

        clock.advance(Duration.ofSeconds(20));
        var forbidden = app.get("/api/v1/audit");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("X-RateLimit-Remaining")).as("refused calls count too").isEqualTo("3");
        assertThat(forbidden.header("X-RateLimit-Reset")).isEqualTo("40");

        var missing = app.get("/api/v1/users/nobody-" + System.nanoTime());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("X-RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void aCallOverTheLimitIsRefusedAndDoesNothingUntilTheWindowEnds() {
        Org org = newOrganisation();
        Api app = asApp(registerWithLimit(org.admin(), "Department maker", 2, "department.write"));
        assertThat(app.post("/api/v1/departments", Map.of("name", "Within limit 1")).status()).isEqualTo(201);
        assertThat(app.post("/api/v1/departments", Map.of("name", "Within limit 2")).status()).isEqualTo(201);

        var refused = app.post("/api/v1/departments", Map.of("name", "Over the limit"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("openplatform.rate_limited");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("requestId").asText()).isEqualTo(refused.header("X-Request-Id"));
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Reset")).isEqualTo("60");
        assertThat(departmentNames(org)).contains("Within limit 1", "Within limit 2").doesNotContain("Over the limit");

        clock.advance(Duration.ofSeconds(45));
        var stillRefused = app.get("/api/v1/departments");
        assertThat(stillRefused.status()).isEqualTo(429);
        assertThat(stillRefused.header("Retry-After")).isEqualTo("15");

        clock.advance(Duration.ofSeconds(15));
        var refilled = app.post("/api/v1/departments", Map.of("name", "Next window"));
        assertThat(refilled.status()).as(refilled.body()).isEqualTo(201);
        assertThat(refilled.header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(refilled.header("X-RateLimit-Reset")).isEqualTo("60");
    }

    @Test
    void eachAppHasOneBucketWhateverItsTokens() {
        Org org = newOrganisation();
        Api first = asApp(registerWithLimit(org.admin(), "First", 1, "user.read"));
        App second = registerWithLimit(org.admin(), "Second", 1, "user.read");
        Api secondToken = asApp(second);
        Api anotherTokenOfSecond = asApp(second);

        assertThat(first.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(first.get("/api/v1/users").status()).isEqualTo(429);
        assertThat(secondToken.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(anotherTokenOfSecond.get("/api/v1/users").status()).isEqualTo(429);
    }

    @Test
    void aNewLimitAppliesAtOnceOnTheNodeThatMadeTheChange() {
        Org org = newOrganisation();
        App registered = registerWithLimit(org.admin(), "Raised", 1, "user.read");
        Api app = asApp(registered);
        assertThat(app.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(app.get("/api/v1/users").status()).isEqualTo(429);

        var raised = org.admin().patch("/api/v1/apps/" + registered.id(), Map.of("rateLimitPerMinute", 3));
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);

        var call = app.get("/api/v1/users");
        assertThat(call.status()).as(call.body()).isEqualTo(200);
        assertThat(call.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(call.header("X-RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void peopleAreNotLimitedHere() {
        Org org = newOrganisation();
        var response = org.admin().get("/api/v1/users");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-RateLimit-Limit")).isNull();
        assertThat(anonymous().get("/actuator/health").header("X-RateLimit-Limit")).isNull();
    }

    @Test
    void refusalsAreCountedInTheMetrics() {
        Org org = newOrganisation();
        Api app = asApp(registerWithLimit(org.admin(), "Counted", 1, "user.read"));
        double before = refusals();
        app.get("/api/v1/users");
        assertThat(app.get("/api/v1/users").status()).isEqualTo(429);
        assertThat(refusals()).isEqualTo(before + 1);
    }

    private List<String> departmentNames(Org org) {
        return org.admin().get("/api/v1/departments").json().findValuesAsText("name");
    }

    private double refusals() {
        return metric("lantau_rate_limit_refused_total", "limit=\"app\"");
    }
}
