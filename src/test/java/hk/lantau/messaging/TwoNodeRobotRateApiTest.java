package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.SecondNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Two nodes share one robot's rate: its window is a database row, not a node's memory. */
class TwoNodeRobotRateApiTest extends RobotApiTestSupport {

    private static SecondNode secondNode;

    @Autowired
    private Environment environment;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    @Test
    void callsSpreadOverTwoNodesAtOnceGetTwentyMessagesAMinuteBetweenThem() throws Exception {
        secondNode = SecondNode.start(environment, clock);
        Org org = newOrganisation();
        Person owner = person(org, "Owner");
        String group = group(owner, "Alerts");
        String first = local(createRobot(owner.api(), group, Map.of("name", "Pager", "keywords", List.of("alert")))
                .get("webhookUrl").asText());
        String second = secondNode.baseUrl().replace("localhost", "127.0.0.1")
                + first.substring(first.indexOf("/robot/send"));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JsonNode>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                String url = i % 2 == 0 ? first : second;
                String body = textBody("alert " + i);
                calls.add(pool.submit(() -> post(url, body)));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<JsonNode> call : calls) {
                codes.add(call.get().get("errcode").asInt());
            }
            assertThat(codes).filteredOn(code -> code == 0).hasSize(20);
            assertThat(codes).filteredOn(code -> code != 0).hasSize(10).containsOnly(410100);
        } finally {
            pool.shutdownNow();
        }
        assertThat(robotMessages(owner.api(), group)).hasSize(20);
    }
}
