package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.RedisServer;
import hk.lantau.support.SecondNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two application instances in one JVM, as two nodes behind a load balancer: each on its own port,
 * sharing the test database, the key directory, the clock and the machine's Redis (under a key
 * prefix of this test's own). An app's limit holds across both: its calls alternate between the
 * nodes, and the call after the limit is refused on either.
 */
class TwoNodeRateLimitApiTest extends RateLimitApiTestSupport {

    private static final String PREFIX = "lantau-test:" + UUID.randomUUID() + ":";
    private static SecondNode secondNode;

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void sharedBuckets(DynamicPropertyRegistry registry) {
        registry.add("lantau.rate-limit.store", () -> "redis");
        registry.add("lantau.rate-limit.redis-url", () -> RedisServer.MACHINE_URL);
        registry.add("lantau.rate-limit.key-prefix", () -> PREFIX);
        // Generous, so a busy machine cannot make a node fall back to its own buckets here.
        registry.add("lantau.rate-limit.redis-timeout", () -> "5s");
    }

    @BeforeEach
    void startSecondNode() {
        if (secondNode == null) {
            secondNode = SecondNode.start(environment, clock,
                    // As arguments, so they win over application.yml as they would on a real node.
                    SecondNode.copied(environment, "lantau.rate-limit.token-requests-per-minute"),
                    SecondNode.copied(environment, "lantau.rate-limit.redis-timeout"),
                    "--lantau.rate-limit.store=redis", "--lantau.rate-limit.redis-url=" + RedisServer.MACHINE_URL,
                    "--lantau.rate-limit.key-prefix=" + PREFIX);
        }
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    @Test
    void anAppsLimitHoldsAcrossBothNodes() {
        Org org = newOrganisation();
        App app = registerWithLimit(org.admin(), "Across nodes", 4, "user.read");
        Api nodeA = asApp(app);
        Api nodeB = new Api(secondNodeUrl(), null).withToken(grantOn(secondNodeUrl(), app));

        for (int call = 0; call < 4; call++) {
            Api node = call % 2 == 0 ? nodeA : nodeB;
            var response = node.get("/api/v1/users");
            assertThat(response.status()).as("call %d on %s: %s", call + 1, node.baseUrl(), response.body())
                    .isEqualTo(200);
            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(3 - call));
        }
        var refusedOnA = nodeA.get("/api/v1/users");
        var refusedOnB = nodeB.get("/api/v1/users");
        assertThat(refusedOnA.status()).isEqualTo(429);
        assertThat(refusedOnB.status()).isEqualTo(429);
        assertThat(refusedOnB.code()).isEqualTo("openplatform.rate_limited");
        assertThat(refusedOnB.header("Retry-After")).isEqualTo("60");

        clock.advance(Duration.ofSeconds(60));
        var nextWindow = nodeB.get("/api/v1/users");
        assertThat(nextWindow.status()).isEqualTo(200);
        assertThat(nextWindow.header("X-RateLimit-Remaining")).isEqualTo("3");
        assertThat(nodeA.get("/api/v1/users").header("X-RateLimit-Remaining")).isEqualTo("2");

        List<JsonNode> logged = awaitEntries(org.admin(), app.id(), 8);
        assertThat(logged).as("both nodes write to the one access log").hasSize(8)
                .extracting(e -> e.get("status").asInt()).containsExactlyInAnyOrder(200, 200, 200, 200, 429, 429, 200, 200);
    }

    private String secondNodeUrl() {
        return secondNode.baseUrl();
    }

    private String grantOn(String baseUrl, App app) {
        var granted = tokenRequest(new Api(baseUrl, null), form("grant_type", "client_credentials",
                "client_id", app.appKey(), "client_secret", app.secret()));
        assertThat(granted.status()).as("grant on the second node: %s", granted.body()).isEqualTo(200);
        return granted.json().get("access_token").asText();
    }
}
