package hk.lantau.messaging.internal.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.identity.SessionCookies;
import hk.lantau.messaging.MessagingApiTestSupport.Person;
import hk.lantau.messaging.StreamClient;
import hk.lantau.messaging.StreamTestSupport;
import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport.Org;
import hk.lantau.support.Polling;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StreamApiTest extends StreamTestSupport {

    @Autowired
    StreamHub hub;

    @Autowired
    MeterRegistry meters;

    @Test
    void deliversMessagesSentThroughTheApiLiveToEveryMember() {
        Org org = newOrganisation();
        Person sender = person(org, "Chan Siu Ming");
        Person reader = person(org, "Leung Ka Ling");
        Person outsider = person(org, "Outside Group");
        String group = group(sender, "Hong Kong office", reader);
        try (StreamClient readerStream = stream(reader.api(), userEvents.lastSequence(tenantId(org), reader.userId()));
             StreamClient senderStream = stream(sender.api(), userEvents.lastSequence(tenantId(org), sender.userId()));
             StreamClient outsiderStream = stream(outsider.api(), 0)) {
            readerStream.next();
            senderStream.next();
            outsiderStream.next();
            JsonNode sent = sendText(sender, group, "早晨！Meeting at 10");

            JsonNode received = readerStream.events(1).get(0);
            assertThat(received.get("event").asText()).isEqualTo("message.created");
            assertThat(received.get("data").toString()).contains(sent.get("id").asText()).contains("早晨！Meeting at 10");
            assertThat(senderStream.events(1).get(0).get("event").asText()).isEqualTo("message.created");

            // The outsider's next frame is their own event, not the group's message.
            append(org, List.of(outsider.userId()), "notification.created", Map.of("id", 1));
            assertThat(outsiderStream.events(1).get(0).get("event").asText()).isEqualTo("notification.created");
        }
    }

    @Test
    void deliversLiveAndCatchesUpAfterReconnectInOrderOnce() {
        Org org = newOrganisation();
        String mei = createUser(org.admin(), "Chan Mei");
        Api person = signInAs(org, mei);

        List<Long> seqs;
        try (StreamClient client = stream(person, 0)) {
            assertThat(client.next().toString()).isEqualTo("{\"type\":\"hello\",\"seq\":0}");
            for (int i = 1; i <= 3; i++) {
                append(org, List.of(mei), "message.created", Map.of("text", "live " + i));
            }
            List<JsonNode> live = client.events(3);
            seqs = live.stream().map(e -> e.get("seq").asLong()).toList();
            assertThat(live.get(0).get("event").asText()).isEqualTo("message.created");
            assertThat(live.get(0).get("data").get("text").asText()).isEqualTo("live 1");
            assertThat(live.get(2).get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
        assertThat(seqs).containsExactly(1L, 2L, 3L);

        // Missed while away: 4 to 7. The client saw up to 2 only (it crashed before storing 3).
        for (int i = 4; i <= 7; i++) {
            append(org, List.of(mei), "message.created", Map.of("text", "missed " + i));
        }
        try (StreamClient client = stream(person, 2)) {
            assertThat(client.next().get("seq").asLong()).isEqualTo(7);
            append(org, List.of(mei), "message.created", Map.of("text", "live 8"));
            List<JsonNode> events = client.events(6);
            assertThat(events).extracting(e -> e.get("seq").asLong()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(events.get(1).get("data").get("text").asText()).isEqualTo("missed 4");
            assertThat(events.get(5).get("data").get("text").asText()).isEqualTo("live 8");
            // Nothing twice: the next frame is the next event, not a repeat.
            append(org, List.of(mei), "message.created", Map.of("text", "live 9"));
            assertThat(client.next().get("seq").asLong()).isEqualTo(9);
        }
    }

    @Test
    void catchesUpOnALongBacklogInBatchesWithoutOverflowingTheQueue() {
        Org org = newOrganisation();
        String kit = createUser(org.admin(), "Lee Kit");
        Api person = signInAs(org, kit);
        // Several times the queue capacity (64) and the catch-up batch.
        for (int i = 1; i <= 700; i++) {
            append(org, List.of(kit), "message.created", Map.of("n", i));
        }
        try (StreamClient client = stream(person, 0)) {
            assertThat(client.next().get("seq").asLong()).isEqualTo(700);
            List<JsonNode> events = client.events(700);
            for (int i = 0; i < 700; i++) {
                assertThat(events.get(i).get("seq").asLong()).isEqualTo(i + 1);
                assertThat(events.get(i).get("data").get("n").asInt()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void resumesFromTheFirstFrameWhenTheAddressHasNoSince() {
        Org org = newOrganisation();
        String ho = createUser(org.admin(), "Ho Ka Yan");
        Api person = signInAs(org, ho);
        append(org, List.of(ho), "ding.created", Map.of("dingId", 1));
        append(org, List.of(ho), "ding.reminded", Map.of("dingId", 1));
        try (StreamClient client = StreamClient.open(baseUrl(), "/api/v1/stream", person.token())) {
            client.send("{\"type\":\"resume\",\"since\":1}");
            assertThat(client.next().get("seq").asLong()).isEqualTo(2);
            JsonNode event = client.events(1).get(0);
            assertThat(event.get("seq").asLong()).isEqualTo(2);
            assertThat(event.get("event").asText()).isEqualTo("ding.reminded");

            client.send("{\"type\":\"resume\",\"since\":0}");
            JsonNode error = client.next();
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("code").asText()).isEqualTo("stream.bad_frame");
        }
    }

    @Test
    void sendsEveryConnectionOfAPersonTheirEventsAndNobodyElse() {
        Org org = newOrganisation();
        String wing = createUser(org.admin(), "Wong Wing");
        String sum = createUser(org.admin(), "Tse Sum");
        Api wingPhone = signInAs(org, wing);
        Api wingLaptop = signInAgain(emailOf(org, wing));
        Api sumPhone = signInAs(org, sum);
        try (StreamClient phone = stream(wingPhone, 0);
             StreamClient laptop = stream(wingLaptop, 0);
             StreamClient other = stream(sumPhone, 0)) {
            phone.next();
            laptop.next();
            other.next();
            append(org, List.of(wing), "message.created", Map.of("text", "for Wing only"));
            assertThat(phone.events(1).get(0).get("data").get("text").asText()).isEqualTo("for Wing only");
            assertThat(laptop.events(1).get(0).get("data").get("text").asText()).isEqualTo("for Wing only");

            // Had Sum received Wing's event, it would come before this one.
            append(org, List.of(sum), "message.created", Map.of("text", "for Sum"));
            JsonNode first = other.events(1).get(0);
            assertThat(first.get("data").get("text").asText()).isEqualTo("for Sum");
            assertThat(first.get("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void keepsOrganisationsApart() {
        Org first = newOrganisation();
        Org second = newOrganisation();
        String inSecond = createUser(second.admin(), "Yip Man");
        Api person = signInAs(second, inSecond);
        try (StreamClient client = stream(person, 0)) {
            client.next();
            // The same userid in another organisation's stream.
            append(first, List.of(inSecond), "message.created", Map.of("text", "first organisation"));
            append(second, List.of(inSecond), "message.created", Map.of("text", "own organisation"));
            JsonNode event = client.events(1).get(0);
            assertThat(event.get("data").get("text").asText()).isEqualTo("own organisation");
            assertThat(event.get("seq").asLong()).isEqualTo(1);
        }
        // Catching up reads the caller's organisation only, too.
        try (StreamClient client = stream(person, 0)) {
            assertThat(client.next().get("seq").asLong()).isEqualTo(1);
            assertThat(client.events(1).get(0).get("data").get("text").asText()).isEqualTo("own organisation");
            client.send("{\"type\":\"ping\"}");
            assertThat(client.next().get("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void refusesTheUpgradeToAnonymousCallersAppsAndBadSince() {
        Org org = newOrganisation();
        assertThat(StreamClient.refusal(baseUrl(), "/api/v1/stream?since=0", b -> { })).isEqualTo(401);
        assertThat(StreamClient.refusal(baseUrl(), "/api/v1/stream",
                b -> b.header("Authorization", "Bearer not-a-token"))).isEqualTo(401);

        var app = org.admin().post("/api/v1/apps", json("name", "Stream reader", "purpose", "Tries the stream",
                "scopes", List.of("user.read"), "ipAllowList", List.of()));
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        var granted = anonymous().sendRaw("POST", "/api/v1/oauth/token", "grant_type=client_credentials&client_id="
                + app.json().get("appKey").asText() + "&client_secret="
                + app.json().get("secret").get("value").asText(), "application/x-www-form-urlencoded");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        String appToken = granted.json().get("access_token").asText();
        assertThat(StreamClient.refusal(baseUrl(), "/api/v1/stream?since=0",
                b -> b.header("Authorization", "Bearer " + appToken))).isEqualTo(401);

        assertThat(StreamClient.refusal(baseUrl(), "/api/v1/stream?since=-1",
                b -> b.header("Authorization", "Bearer " + org.admin().token()))).isEqualTo(400);
        assertThat(StreamClient.refusal(baseUrl(), "/api/v1/stream?since=abc",
                b -> b.header("Authorization", "Bearer " + org.admin().token()))).isEqualTo(400);
    }

    @Test
    void acceptsTheBrowserSessionCookie() {
        Org org = newOrganisation();
        try (StreamClient client = StreamClient.connect(baseUrl(), "/api/v1/stream?since=0",
                b -> b.header("Cookie", SessionCookies.NAME + "=" + org.admin().token()), false)) {
            assertThat(client.next().get("type").asText()).isEqualTo("hello");
            append(org, List.of(org.adminUserId()), "notification.created", Map.of("id", 5));
            assertThat(client.events(1).get(0).get("event").asText()).isEqualTo("notification.created");
        }
    }

    @Test
    void answersMalformedFramesWithAnErrorAndClosesAfterRepeatedAbuse() {
        Org org = newOrganisation();
        try (StreamClient client = stream(org.admin(), 0)) {
            client.next();
            List<String> bad = List.of("not json", "[1,2]", "{\"no\":\"type\"}", "{\"type\":\"shout\"}",
                    "{\"type\":\"resume\",\"since\":\"x\"}");
            for (String frame : bad) {
                client.send(frame);
                JsonNode error = client.next();
                assertThat(error.get("type").asText()).as(frame).isEqualTo("error");
                assertThat(error.get("code").asText()).isEqualTo("stream.bad_frame");
                assertThat(error.get("detail").asText()).isNotBlank();
            }
            // The stream still works after an error.
            append(org, List.of(org.adminUserId()), "message.created", Map.of("text", "still here"));
            assertThat(client.events(1).get(0).get("data").get("text").asText()).isEqualTo("still here");

            client.send("{oops");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void closesOnAnOversizedFrame() {
        Org org = newOrganisation();
        try (StreamClient client = stream(org.admin(), 0)) {
            client.next();
            client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(9 * 1024) + "\"}");
            // 1009 unless the server's close overtakes the rest of the frame still being sent.
            assertThat(client.awaitClose()).isIn(1009, 1006);
            Polling.until("the server drops the connection", () -> hub.openFor(tenantId(org), org.adminUserId()) == 0);
        }
    }

    @Test
    void closesAClientThatSendsTooFast() {
        Org org = newOrganisation();
        try (StreamClient client = stream(org.admin(), 0)) {
            client.next();
            for (int i = 0; i < 40 && !client.isClosed(); i++) {
                client.send("{\"type\":\"ping\"}");
            }
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void disconnectsASlowClientWhileAFastOneKeepsReceiving() {
        Org org = newOrganisation();
        String slowUser = createUser(org.admin(), "Slow Reader");
        String fastUser = createUser(org.admin(), "Fast Reader");
        Api slowPerson = signInAs(org, slowUser);
        Api fastPerson = signInAs(org, fastUser);
        double slowBefore = meters.counter("lantau.stream.slow.closed").count();
        String text = "x".repeat(20_000);
        int total = 600;
        try (StreamClient slow = StreamClient.paused(baseUrl(), "/api/v1/stream?since=0", slowPerson.token());
             StreamClient fast = stream(fastPerson, 0)) {
            fast.next();
            Polling.until("slow client registered", () -> hub.openFor(tenantId(org), slowUser) == 1);
            int received = 0;
            for (int i = 1; i <= total; i++) {
                append(org, List.of(slowUser, fastUser), "message.created", Map.of("n", i, "text", text));
                // The fast client reads as it goes, so its queue never fills.
                while (received < i - 8) {
                    assertThat(fast.events(1).get(0).get("data").get("n").asInt()).isEqualTo(++received);
                }
            }
            while (received < total) {
                assertThat(fast.events(1).get(0).get("data").get("n").asInt()).isEqualTo(++received);
            }
            Polling.until("the slow client is dropped", () -> hub.openFor(tenantId(org), slowUser) == 0);
            assertThat(meters.counter("lantau.stream.slow.closed").count()).isGreaterThan(slowBefore);
            slow.resumeReading();
            assertThat(slow.awaitClose()).isEqualTo(1013);
            assertThat(hub.openFor(tenantId(org), fastUser)).isEqualTo(1);
        }
    }

    @Test
    void pingsAndClosesASilentConnection() {
        Org org = newOrganisation();
        try (StreamClient client = stream(org.admin(), 0)) {
            client.next();
            assertThat(client.nextPing().toString()).isEqualTo("{\"type\":\"ping\"}");
            client.send("{\"type\":\"pong\"}");
            // The answer to this shows the server has heard the client before the clock moves on.
            client.send("{\"type\":\"ping\"}");
            assertThat(client.next().get("type").asText()).isEqualTo("pong");
            clock.advance(Duration.ofSeconds(74));
            client.send("{\"type\":\"ping\"}");
            assertThat(client.next().get("type").asText()).isEqualTo("pong");
            clock.advance(Duration.ofSeconds(76));
            assertThat(client.awaitClose()).isEqualTo(4408);
        }
    }

    @Test
    void closesTheStreamsOfRevokedSessionsAndOfPeopleWhoAreSuspended() {
        Org org = newOrganisation();
        String lam = createUser(org.admin(), "Lam Chi");
        Api phone = signInAs(org, lam);
        Api laptop = signInAgain(emailOf(org, lam));
        try (StreamClient phoneStream = stream(phone, 0); StreamClient laptopStream = stream(laptop, 0)) {
            phoneStream.next();
            laptopStream.next();
            var revoked = laptop.delete("/api/v1/auth/sessions/" + currentSessionId(phone));
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
            assertThat(phoneStream.awaitClose()).isEqualTo(4401);
            assertThat(laptopStream.isClosed()).isFalse();

            var suspended = org.admin().post("/api/v1/users/" + lam + "/suspend", Map.of());
            assertThat(suspended.status()).as(suspended.body()).isIn(200, 204);
            assertThat(laptopStream.awaitClose()).isEqualTo(4401);
        }
    }

    @Test
    void closesTheStreamOfASessionThatSignsOutAndOnlyThatOne() {
        Org org = newOrganisation();
        String ho = createUser(org.admin(), "Ho Wing");
        Api phone = signInAs(org, ho);
        Api laptop = signInAgain(emailOf(org, ho));
        try (StreamClient phoneStream = stream(phone, 0); StreamClient laptopStream = stream(laptop, 0)) {
            phoneStream.next();
            laptopStream.next();
            var signedOut = phone.delete("/api/v1/auth/sessions/current");
            assertThat(signedOut.status()).as(signedOut.body()).isEqualTo(204);
            assertThat(phoneStream.awaitClose()).isEqualTo(4401);
            assertThat(laptopStream.isClosed()).isFalse();
        }
    }
}
