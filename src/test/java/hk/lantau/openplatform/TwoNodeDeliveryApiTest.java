package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.SecondNode;
import hk.lantau.support.WebhookReceiver;
import hk.lantau.support.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two application instances on one database, as two nodes: both claim the same due retries at
 * once, each in rounds of 16 (two senders each), and every retry is sent by exactly one of them.
 */
class TwoNodeDeliveryApiTest extends WebhookApiTestSupport {

    private static final int EVENTS = 150;
    private static SecondNode secondNode;

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void smallRounds(DynamicPropertyRegistry registry) {
        registry.add("lantau.openplatform.delivery-concurrency", () -> "2");
    }

    @BeforeEach
    void startSecondNode() {
        if (secondNode == null) {
            secondNode = SecondNode.start(environment, clock, "--lantau.openplatform.delivery-concurrency=2");
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
    void twoNodesClaimingTheSameRetriesSendEachOnce() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver().answer(503, "not yet");
        subscribe(org, app, receiver.url("/hooks"), "user.created");
        String csv = "name\n" + IntStream.rangeClosed(1, EVENTS).mapToObj(i -> "Two Node Person " + i)
                .collect(Collectors.joining("\n"));
        assertThat(org.admin().sendRaw("POST", "/api/v1/users/import", csv, "text/csv").status()).isEqualTo(201);
        receiver.await(EVENTS, WAIT);
        awaitDeliveries(org, app.id(), d -> d.get("attemptCount").asInt() == 1, Math.min(EVENTS, 100));

        receiver.answer(200, "ok");
        clock.advance(Duration.ofMinutes(1));
        List<Received> retries = receiver.await(2 * EVENTS, WAIT).subList(EVENTS, 2 * EVENTS);
        awaitDeliveries(org, app.id(), d -> d.get("status").asText().equals("DELIVERED"), 100);

        Map<String, Long> perEvent = retries.stream()
                .collect(Collectors.groupingBy(Received::eventId, Collectors.counting()));
        assertThat(perEvent).hasSize(EVENTS).allSatisfy((event, count) -> assertThat(count).isEqualTo(1));
        assertThat(retries).extracting(r -> r.header("Lantau-Delivery-Attempt")).containsOnly("2");
        assertThat(receiver.received()).hasSize(2 * EVENTS);
        assertThat(awaitDeliveredCount(app.id())).isEqualTo(EVENTS);
    }

    /**
     * A node marks a delivery delivered only after the receiver has answered, so the last rows
     * may still be committing when the receiver has seen every request.
     */
    private long awaitDeliveredCount(long appId) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long delivered = jdbc.sql("select count(*) from opf_delivery d join opf_subscription s "
                            + "on s.id = d.subscription_id where s.app_id = :app and d.status = 'DELIVERED'")
                    .param("app", appId).query(Long.class).single();
            if (delivered >= EVENTS || System.nanoTime() > end) {
                return delivered;
            }
            pause();
        }
    }
}
