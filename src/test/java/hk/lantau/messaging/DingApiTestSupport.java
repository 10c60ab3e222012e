package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.directory.DirectoryApiTestSupport;
import hk.lantau.messaging.internal.ding.ReminderJob;
import hk.lantau.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/** An organisation with a sender and two recipients, and ways to read what reached them. */
abstract class DingApiTestSupport extends DirectoryApiTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected ReminderJob job;

    @Autowired
    protected UserEvents userEvents;

    /** A sender and two recipients, each signed in. */
    protected record Team(Org org, long tenantId, String sender, String first, String second, Api senderApi,
                          Api firstApi, Api secondApi) {
    }

    protected Team team() {
        Org org = newOrganisation();
        String sender = createUser(org.admin(), "Sender Lam");
        String first = createUser(org.admin(), "First Wong");
        String second = createUser(org.admin(), "Second Cheung");
        return new Team(org, tenantId(org), sender, first, second, signInAs(org, sender), signInAs(org, first),
                signInAs(org, second));
    }

    protected long send(Api api, Map<String, Object> body) {
        var response = api.post("/api/v1/dings", body);
        assertThat(response.status()).as("send DING: %s", response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    /** The events of one type in a person's stream, payloads parsed. */
    protected List<JsonNode> events(Team team, String userId, String type) {
        return userEvents.since(team.tenantId(), userId, 0, 1000).stream()
                .filter(event -> event.type().equals(type))
                .map(event -> parse(event.payload()))
                .toList();
    }

    protected long dingRows(long tenantId) {
        return count("select count(*) from msg_ding where tenant_id = ?", tenantId);
    }

    protected JsonNode attempts(Api sender, long dingId) {
        var response = sender.get("/api/v1/dings/" + dingId + "/attempts");
        assertThat(response.status()).as("attempts: %s", response.body()).isEqualTo(200);
        return response.json();
    }

    protected static String outcome(JsonNode attempts, String userId, int step, String channel) {
        for (JsonNode attempt : attempts) {
            if (attempt.get("userId").asText().equals(userId) && attempt.get("step").asInt() == step
                    && attempt.get("channel").asText().equals(channel)) {
                return attempt.get("outcome").asText();
            }
        }
        return null;
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
