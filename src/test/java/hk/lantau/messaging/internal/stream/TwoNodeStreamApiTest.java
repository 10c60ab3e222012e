package hk.lantau.messaging.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.messaging.StreamTestSupport;
import hk.lantau.messaging.StreamClient;
import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport.Org;
import hk.lantau.support.Polling;
import hk.lantau.support.RedisServer;
import hk.lantau.support.SecondNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two application instances sharing the database and a Redis of this test's own, as two nodes
 * behind a load balancer: what is sent through one reaches streams connected to the other, and
 * while Redis is away each node still serves its own clients and the others catch up afterwards.
 */
class TwoNodeStreamApiTest extends StreamTestSupport {

    private static final String CHANNEL = "lantau-test:stream:" + UUID.randomUUID();
    private static final RedisServer REDIS = RedisServer.start();
    private static SecondNode secondNode;

    @Autowired
    private Environment environment;

    @Autowired
    private Fanout fanout;

    @DynamicPropertySource
    static void sharedFanout(DynamicPropertyRegistry registry) {
        registry.add("lantau.messaging.fanout", () -> "redis");
        registry.add("lantau.messaging.redis-url", REDIS::url);
        registry.add("lantau.messaging.redis-channel", () -> CHANNEL);
        registry.add("lantau.messaging.redis-retry", () -> "200ms");
    }

    @BeforeEach
    void startSecondNode() {
        if (secondNode == null) {
            secondNode = SecondNode.start(environment, clock, "--lantau.messaging.fanout=redis",
                    "--lantau.messaging.redis-url=" + REDIS.url(), "--lantau.messaging.redis-channel=" + CHANNEL,
                    "--lantau.messaging.redis-retry=200ms");
        }
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
        REDIS.close();
    }

    @Test
    void aMessageSentThroughOneNodeReachesAStreamOnTheOther() {
        Org org = newOrganisation();
        Person sender = person(org, "Node A Sender");
        Person reader = person(org, "Node B Reader");
        String group = group(sender, "Across nodes", reader);
        long since = userEvents.lastSequence(tenantId(org), reader.userId());
        try (StreamClient onB = StreamClient.open(secondNode.baseUrl(), "/api/v1/stream?since=" + since,
                reader.api().token())) {
            onB.next();
            JsonNode sent = sendText(sender, group, "Sent on A, read on B");
            JsonNode event = onB.events(1).get(0);
            assertThat(event.get("event").asText()).isEqualTo("message.created");
            assertThat(event.get("seq").asLong()).isEqualTo(since + 1);
            assertThat(event.get("data").toString()).contains(sent.get("id").asText()).contains("Sent on A, read on B");

            // Ending the session on node A closes the stream held on node B.
            String current = currentSessionId(reader.api());
            Api otherDevice = signInAgain(emailOf(org, reader.userId()));
            assertThat(otherDevice.delete("/api/v1/auth/sessions/" + current).status()).isEqualTo(204);
            assertThat(onB.awaitClose()).isEqualTo(4401);
        }
    }

    @Test
    void whileRedisIsAwayEachNodeServesItsOwnAndTheOthersCatchUpAfterwards() {
        Org org = newOrganisation();
        String userId = createUser(org.admin(), "Two Devices");
        Api person = signInAs(org, userId);
        long tenant = tenantId(org);
        try (StreamClient onA = StreamClient.open(baseUrl(), "/api/v1/stream?since=0", person.token());
             StreamClient onB = StreamClient.open(secondNode.baseUrl(), "/api/v1/stream?since=0", person.token())) {
            onA.next();
            onB.next();
            userEvents.append(tenant, List.of(userId), "message.created", Map.of("n", 1));
            assertThat(onA.events(1).get(0).get("seq").asLong()).isEqualTo(1);
            assertThat(onB.events(1).get(0).get("seq").asLong()).isEqualTo(1);

            REDIS.stop();
            userEvents.append(tenant, List.of(userId), "message.created", Map.of("n", 2));
            assertThat(onA.events(1).get(0).get("seq").asLong()).as("this node's client, live").isEqualTo(2);

            REDIS.restart();
            Polling.until("node A publishes through Redis again", () -> ((RedisFanout) fanout).connected());
            // Node B hears of event 3 once its own connection is back, and fills in 2 from the database.
            List<Long> onBSeqs = new ArrayList<>();
            int n = 3;
            userEvents.append(tenant, List.of(userId), "message.created", Map.of("n", n));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (onBSeqs.size() < 2 && System.nanoTime() < deadline) {
                JsonNode frame = onB.poll(Duration.ofMillis(500));
                if (frame != null) {
                    onBSeqs.add(frame.get("seq").asLong());
                } else if (onBSeqs.isEmpty()) {
                    // Until node B's subscription is back, nothing reaches it: keep producing.
                    userEvents.append(tenant, List.of(userId), "message.created", Map.of("n", ++n));
                }
            }
            assertThat(onBSeqs).containsExactly(2L, 3L);
            List<Long> onASeqs = new ArrayList<>();
            for (int i = 3; i <= n; i++) {
                onASeqs.add(onA.events(1).get(0).get("seq").asLong());
            }
            assertThat(onASeqs).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates().hasSize(n - 2);
        }
    }
}
