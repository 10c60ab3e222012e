package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The token endpoint is limited per source address, whoever asks and whether or not the
 * credentials are right, so guessing secrets from one address is slow. Its own context: every
 * test calls from 127.0.0.1, so the rest of the suite runs with a limit it never reaches.
 */
@TestPropertySource(properties = "lantau.rate-limit.token-requests-per-minute=3")
class TokenRateLimitApiTest extends OpenPlatformApiTestSupport {

    @Test
    void tokenRequestsFromOneAddressAreLimitedPerMinute() {
        // Long enough idle for the address's bucket to be dropped, so the first request opens a window.
        clock.advance(Duration.ofMinutes(3));
        Org org = newOrganisation();
        App app = register(org.admin(), "Guessed", "user.read");

        var wrong = grant(app.appKey(), "not-the-secret");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(wrong.header("X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(wrong.header("X-RateLimit-Reset")).isEqualTo("60");
        assertThat(grant(app.appKey(), app.secret()).header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(grant("ding-unknown-app-key", "x").header("X-RateLimit-Remaining")).isEqualTo("0");
        long tokens = tokenCount();

        var refused = grant(app.appKey(), app.secret());

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("openplatform.rate_limited");
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.json().has("access_token")).isFalse();
        assertThat(tokenCount()).as("no token granted").isEqualTo(tokens);

        clock.advance(Duration.ofSeconds(60));
        var next = grant(app.appKey(), app.secret());
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.header("X-RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void otherCallsFromTheSameAddressAreNotCountedAgainstTheTokenLimit() {
        clock.advance(Duration.ofMinutes(3));
        Org org = newOrganisation();
        App app = register(org.admin(), "Caller", "user.read");
        var api = asApp(app);
        for (int i = 0; i < 4; i++) {
            var call = api.get("/api/v1/users");
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.header("X-RateLimit-Limit")).as("the app's own limit").isEqualTo("600");
        }
        assertThat(grant(app.appKey(), app.secret()).status()).isEqualTo(200);
    }

    private long tokenCount() {
        return jdbc.sql("select count(*) from opf_app_token").query(Long.class).single();
    }
}
