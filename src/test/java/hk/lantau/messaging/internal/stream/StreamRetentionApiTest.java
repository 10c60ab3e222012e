package hk.lantau.messaging.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.messaging.StreamClient;
import hk.lantau.messaging.StreamTestSupport;
import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport.Org;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StreamRetentionApiTest extends StreamTestSupport {

    @Autowired
    StreamRetention retention;

    @Test
    void dropsOldEventsAndTellsAClientThatMissedThemToReload() {
        Org org = newOrganisation();
        String ming = createUser(org.admin(), "Ho Ming");
        String fai = createUser(org.admin(), "Ng Fai");
        long tenant = tenantId(org);
        append(org, List.of(ming, fai), "message.created", Map.of("n", 1));
        append(org, List.of(ming), "message.created", Map.of("n", 2));
        long oldEvents = count("select count(*) from msg_event where tenant_id = ?", tenant);

        clock.advance(Duration.ofDays(29));
        append(org, List.of(ming), "message.created", Map.of("n", 3));
        // Other tests share the database and the clock, so only this organisation's rows are counted.
        retention.purge();
        assertThat(count("select count(*) from msg_event where tenant_id = ?", tenant))
                .as("nothing is 30 days old yet").isEqualTo(oldEvents + 1);

        clock.advance(Duration.ofDays(2));
        retention.purge();
        assertThat(count("select count(*) from msg_event where tenant_id = ?", tenant)).isEqualTo(oldEvents - 1);
        assertThat(count("select count(*) from msg_stream_event where tenant_id = ? and user_id = ?", tenant, ming))
                .as("recipients' rows go with their event").isEqualTo(1);
        assertThat(count("select count(*) from msg_stream_event where tenant_id = ? and user_id = ?", tenant, fai))
                .isZero();
        assertThat(userEvents.lastSequence(tenant, ming)).as("numbering goes on").isEqualTo(3);
        append(org, List.of(ming), "message.created", Map.of("n", 4));
        assertThat(userEvents.lastSequence(tenant, ming)).isEqualTo(4);

        Api person = signInAs(org, ming);
        // Since 1: event 2 is gone, so the client cannot be brought up to date and must reload.
        try (StreamClient client = stream(person, 1)) {
            assertThat(client.next().get("seq").asLong()).isEqualTo(4);
            JsonNode reset = client.next();
            assertThat(reset.toString()).isEqualTo("{\"type\":\"reset\",\"seq\":4}");
            append(org, List.of(ming), "message.created", Map.of("n", 5));
            assertThat(client.events(1).get(0).get("seq").asLong()).isEqualTo(5);
        }
        // Since 2: everything after it is still kept.
        try (StreamClient client = stream(person, 2)) {
            client.next();
            assertThat(client.events(3)).extracting(e -> e.get("data").get("n").asInt()).containsExactly(3, 4, 5);
        }
        // A sequence this stream never reached (a client from a restored backup) also means reload.
        try (StreamClient client = stream(person, 99)) {
            client.next();
            assertThat(client.next().toString()).isEqualTo("{\"type\":\"reset\",\"seq\":5}");
        }
    }
}
