package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With the Redis store configured but no Redis answering, apps keep working: each node limits
 * them on its own, and the metrics say that the shared store is away.
 */
@TestPropertySource(properties = {"lantau.rate-limit.store=redis", "lantau.rate-limit.redis-url=redis://127.0.0.1:1"})
class RateLimitStoreDownApiTest extends RateLimitApiTestSupport {

    @Test
    void appsAreLimitedPerNodeWhileRedisDoesNotAnswer() {
        Org org = newOrganisation();
        Api app = asApp(registerWithLimit(org.admin(), "Without Redis", 2, "user.read"));
        double failuresBefore = metric("lantau_rate_limit_store_failures_total", "");

        var first = app.get("/api/v1/users");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(app.get("/api/v1/users").status()).isEqualTo(200);
        var refused = app.get("/api/v1/users");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");

        assertThat(metric("lantau_rate_limit_store_failures_total", "")).isEqualTo(failuresBefore + 3);
        assertThat(metric("lantau_rate_limit_store_available", "")).isZero();
    }
}
