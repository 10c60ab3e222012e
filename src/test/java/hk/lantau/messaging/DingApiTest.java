package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** DINGs without a mail server or SMS gateway: delivery in-app, confirmations, reminders, schedules, bad input. */
class DingApiTest extends DingApiTestSupport {

    @Test
    void recipientsConfirmAndTheSenderWatchesConfirmationsArrive() {
        Team t = team();
        var sent = t.senderApi().post("/api/v1/dings", json("text", "Fire drill at 3pm, confirm you read this",
                "recipients", List.of(t.first(), t.second())));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        long id = sent.json().get("id").asLong();
        assertThat(sent.json().get("status").asText()).isEqualTo("SENT");
        assertThat(sent.json().get("reminders").asInt()).isEqualTo(3);
        assertThat(sent.json().get("remindEveryMinutes").asInt()).isEqualTo(5);
        assertThat(sent.json().get("emailFrom").asInt()).isEqualTo(2);
        assertThat(sent.json().get("smsFrom").asInt()).isEqualTo(3);

        List<JsonNode> created = events(t, t.first(), "ding.created");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).get("dingId").asLong()).isEqualTo(id);
        assertThat(created.get(0).get("text").asText()).isEqualTo("Fire drill at 3pm, confirm you read this");
        assertThat(created.get(0).get("sender").get("name").asText()).isEqualTo("Sender Lam");
        var banner = t.firstApi().get("/api/v1/dings/unconfirmed").json();
        assertThat(banner).hasSize(1);
        assertThat(banner.get(0).get("id").asLong()).isEqualTo(id);

        var confirmed = t.firstApi().post("/api/v1/dings/" + id + "/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        String confirmedAt = confirmed.json().get("confirmedAt").asText();
        assertThat(confirmed.json().get("confirmedCount").asInt()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        var again = t.firstApi().post("/api/v1/dings/" + id + "/confirm", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("confirmedAt").asText()).isEqualTo(confirmedAt);
        assertThat(t.firstApi().get("/api/v1/dings/unconfirmed").json()).isEmpty();

        List<JsonNode> arrived = events(t, t.sender(), "ding.confirmed");
        assertThat(arrived).hasSize(1);
        assertThat(arrived.get(0).get("userId").asText()).isEqualTo(t.first());
        assertThat(arrived.get(0).get("confirmedCount").asInt()).isEqualTo(1);
        assertThat(arrived.get(0).get("recipientCount").asInt()).isEqualTo(2);
        assertThat(events(t, t.first(), "ding.confirmed")).hasSize(1);

        var yes = t.senderApi().get("/api/v1/dings/" + id + "/recipients?confirmed=true").json();
        assertThat(texts(yes, "userId")).containsExactly(t.first());
        assertThat(yes.get(0).get("confirmedAt").asText()).isEqualTo(confirmedAt);
        var no = t.senderApi().get("/api/v1/dings/" + id + "/recipients?confirmed=false").json();
        assertThat(texts(no, "userId")).containsExactly(t.second());
        assertThat(no.get(0).has("confirmedAt")).isFalse();
        assertThat(t.senderApi().get("/api/v1/dings/" + id).json().get("confirmedCount").asInt()).isEqualTo(1);
        assertThat(t.senderApi().get("/api/v1/dings/sent").json().get("items").get(0).get("id").asLong())
                .isEqualTo(id);

        assertThat(auditCount(t.org(), "messaging.ding.sent")).isEqualTo(1);
        assertThat(auditChanges(t.org())).anyMatch(c -> c.contains("\"recipientCount\":2")
                && c.contains("\"channels\":[\"inApp\",\"email\",\"sms\"]"));
    }

    @Test
    void remindersRepeatAtTheIntervalStopOnConfirmationAndEndAfterTheLast() {
        Team t = team();
        long id = send(t.senderApi(), json("text", "Approve the payment run", "recipients",
                List.of(t.first(), t.second()), "remindEveryMinutes", 1, "reminders", 2,
                "escalation", json("emailFrom", 1)));

        clock.advance(Duration.ofSeconds(59));
        job.run();
        assertThat(events(t, t.first(), "ding.reminded")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        job.run();
        assertThat(events(t, t.first(), "ding.reminded")).hasSize(1);
        assertThat(events(t, t.second(), "ding.reminded")).hasSize(1);
        assertThat(events(t, t.second(), "ding.reminded").get(0).get("step").asInt()).isEqualTo(1);
        // No mail server on this installation: the e-mail step is recorded, not silently skipped.
        JsonNode attempts = attempts(t.senderApi(), id);
        assertThat(outcome(attempts, t.first(), 1, "EMAIL")).isEqualTo("NOT_CONFIGURED");
        assertThat(outcome(attempts, t.first(), 1, "IN_APP")).isEqualTo("DELIVERED");
        assertThat(outcome(attempts, t.first(), 0, "EMAIL")).isNull();

        assertThat(t.firstApi().post("/api/v1/dings/" + id + "/confirm", Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        job.run();
        assertThat(events(t, t.first(), "ding.reminded")).hasSize(1);
        assertThat(events(t, t.second(), "ding.reminded")).hasSize(2);

        clock.advance(Duration.ofMinutes(10));
        job.run();
        assertThat(events(t, t.second(), "ding.reminded")).hasSize(2);
        var second = t.senderApi().get("/api/v1/dings/" + id + "/recipients?confirmed=false").json().get(0);
        assertThat(second.get("remindersSent").asInt()).isEqualTo(2);
        assertThat(second.has("nextRemindAt")).isFalse();
    }

    @Test
    void someoneSuspendedAfterTheDingWentOutIsNoLongerReminded() {
        Team t = team();
        long id = send(t.senderApi(), json("text", "Stock count tonight", "recipients",
                List.of(t.first(), t.second()), "remindEveryMinutes", 1, "escalation", json("emailFrom", 1)));
        var suspended = t.org().admin().post("/api/v1/users/" + t.second() + "/suspend", Map.of());
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        job.run();
        assertThat(events(t, t.first(), "ding.reminded")).hasSize(1);
        assertThat(events(t, t.second(), "ding.reminded")).isEmpty();
        assertThat(outcome(attempts(t.senderApi(), id), t.second(), 1, "EMAIL")).isNull();
        var unconfirmed = t.senderApi().get("/api/v1/dings/" + id + "/recipients?confirmed=false").json();
        assertThat(texts(unconfirmed, "userId")).containsExactlyInAnyOrder(t.first(), t.second());
        for (JsonNode recipient : unconfirmed) {
            boolean suspendedOne = recipient.get("userId").asText().equals(t.second());
            assertThat(recipient.has("nextRemindAt")).isEqualTo(!suspendedOne);
            assertThat(recipient.get("remindersSent").asInt()).isEqualTo(suspendedOne ? 0 : 1);
        }
    }

    @Test
    void aScheduledDingGoesOutWhenDueAndNotBefore() {
        Team t = team();
        var sendAt = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        long id = send(t.senderApi(), json("text", "Board meeting moved", "recipients", List.of(t.first()),
                "sendAt", sendAt.toString(), "reminders", 0));
        assertThat(t.senderApi().get("/api/v1/dings/" + id).json().get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(t.firstApi().get("/api/v1/dings/" + id).status()).isEqualTo(404);
        assertThat(t.firstApi().post("/api/v1/dings/" + id + "/confirm", Map.of()).status()).isEqualTo(404);

        clock.set(sendAt.minusSeconds(1));
        job.run();
        assertThat(events(t, t.first(), "ding.created")).isEmpty();
        assertThat(t.firstApi().get("/api/v1/dings/unconfirmed").json()).isEmpty();

        clock.set(sendAt);
        job.run();
        assertThat(events(t, t.first(), "ding.created")).hasSize(1);
        var seen = t.firstApi().get("/api/v1/dings/" + id);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("status").asText()).isEqualTo("SENT");
        job.run();
        assertThat(events(t, t.first(), "ding.created")).hasSize(1);
    }

    @Test
    void theSenderCancelsAScheduledDingOrRecallsASentOne() {
        Team t = team();
        var sendAt = clock.instant().plus(Duration.ofMinutes(30));
        long scheduled = send(t.senderApi(), json("text", "Later", "recipients", List.of(t.first()),
                "sendAt", sendAt.toString()));
        var cancelled = t.senderApi().post("/api/v1/dings/" + scheduled + "/cancel", Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        clock.set(sendAt.plusSeconds(1));
        job.run();
        assertThat(events(t, t.first(), "ding.created")).isEmpty();

        long sent = send(t.senderApi(), json("text", "Now", "recipients", List.of(t.first(), t.second()),
                "remindEveryMinutes", 1));
        assertThat(t.firstApi().post("/api/v1/dings/" + sent + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(t.firstApi().post("/api/v1/dings/" + sent + "/confirm", Map.of()).status()).isEqualTo(200);
        assertThat(t.senderApi().post("/api/v1/dings/" + sent + "/cancel", Map.of()).status()).isEqualTo(200);
        assertThat(t.senderApi().post("/api/v1/dings/" + sent + "/cancel", Map.of()).status()).isEqualTo(200);
        assertThat(events(t, t.second(), "ding.cancelled")).hasSize(1);
        assertThat(events(t, t.first(), "ding.cancelled")).isEmpty();
        var late = t.secondApi().post("/api/v1/dings/" + sent + "/confirm", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("messaging.ding_cancelled");
        assertThat(t.firstApi().post("/api/v1/dings/" + sent + "/confirm", Map.of()).status()).isEqualTo(200);
        assertThat(t.secondApi().get("/api/v1/dings/unconfirmed").json()).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        job.run();
        assertThat(events(t, t.second(), "ding.reminded")).isEmpty();
        assertThat(auditCount(t.org(), "messaging.ding.cancelled")).isEqualTo(2);

        long done = send(t.senderApi(), json("text", "Read?", "recipients", List.of(t.first())));
        t.firstApi().post("/api/v1/dings/" + done + "/confirm", Map.of());
        var nothingLeft = t.senderApi().post("/api/v1/dings/" + done + "/cancel", Map.of());
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(nothingLeft.code()).isEqualTo("messaging.ding_all_confirmed");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        Team t = team();
        Org other = newOrganisation();
        String stranger = createUser(other.admin(), "Other Org Person");
        String self = t.sender();

        expect(t, json("text", "x", "recipients", List.of()), "messaging.ding_recipients_missing", "recipients");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add("user" + i);
        }
        expect(t, json("text", "x", "recipients", many), "messaging.ding_too_many_recipients", "recipients");
        var unknown = t.senderApi().post("/api/v1/dings", json("text", "x",
                "recipients", List.of(t.first(), "nobody-here", stranger)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("messaging.ding_invalid");
        assertThat(field(unknown, 0)).isEqualTo("recipients[1]");
        assertThat(field(unknown, 1)).isEqualTo("recipients[2]");
        assertThat(unknown.body()).contains("nobody-here").contains(stranger);
        expect(t, json("text", "x", "recipients", List.of(self)), "messaging.ding_recipient_self", "recipients[0]");
        expect(t, json("text", " ", "recipients", List.of(t.first())), "messaging.ding_text_invalid", "text");
        expect(t, json("text", "x".repeat(1001), "recipients", List.of(t.first())), "messaging.ding_text_invalid",
                "text");
        expect(t, json("text", "x", "recipients", List.of(t.first()), "sendAt",
                clock.instant().minusSeconds(60).toString()), "messaging.ding_send_at_past", "sendAt");
        expect(t, json("text", "x", "recipients", List.of(t.first()), "sendAt",
                clock.instant().plus(Duration.ofDays(31)).toString()), "messaging.ding_send_at_too_far", "sendAt");
        expect(t, json("text", "x", "recipients", List.of(t.first()), "remindEveryMinutes", 0),
                "messaging.ding_interval_invalid", "remindEveryMinutes");
        expect(t, json("text", "x", "recipients", List.of(t.first()), "remindEveryMinutes", 61),
                "messaging.ding_interval_invalid", "remindEveryMinutes");
        expect(t, json("text", "x", "recipients", List.of(t.first()), "reminders", 11),
                "messaging.ding_reminders_invalid", "reminders");
        expect(t, json("text", "x", "recipients", List.of(t.first()), "reminders", 2, "escalation",
                json("smsFrom", 3)), "messaging.ding_escalation_invalid", "escalation.smsFrom");
        expect(t, json("text", "x", "recipients", List.of(t.first()), "conversationId", "c1"),
                "messaging.ding_link_invalid", "messageId");
        assertThat(t.senderApi().post("/api/v1/dings", json("text", "x", "recipients", List.of(t.first()),
                "colour", "red")).status()).isEqualTo(400);

        assertThat(dingRows(t.tenantId())).isZero();
        assertThat(count("select count(*) from msg_ding_recipient where tenant_id = ?", t.tenantId())).isZero();
        assertThat(events(t, t.first(), "ding.created")).isEmpty();
        assertThat(auditCount(t.org(), "messaging.ding.sent")).isZero();
    }

    @Test
    void otherOrganisationsAndOtherPeopleSeeNothing() {
        Team t = team();
        long id = send(t.senderApi(), json("text", "Private", "recipients", List.of(t.first())));
        Org other = newOrganisation();
        for (var api : List.of(other.admin(), t.secondApi())) {
            assertThat(api.get("/api/v1/dings/" + id).code()).isEqualTo("messaging.ding_not_found");
            assertThat(api.post("/api/v1/dings/" + id + "/confirm", Map.of()).status()).isEqualTo(404);
            assertThat(api.post("/api/v1/dings/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/dings/" + id + "/recipients").status()).isEqualTo(404);
            assertThat(api.get("/api/v1/dings/" + id + "/attempts").status()).isEqualTo(404);
        }
        // A recipient sees the DING but not who else received it or how it was delivered.
        assertThat(t.firstApi().get("/api/v1/dings/" + id).status()).isEqualTo(200);
        assertThat(t.firstApi().get("/api/v1/dings/" + id + "/recipients").status()).isEqualTo(404);
        assertThat(t.firstApi().get("/api/v1/dings/" + id + "/attempts").status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/dings/sent").json().get("items")).isEmpty();
        assertThat(count("select count(*) from msg_ding_recipient where ding_id = ? and confirmed_at is null", id))
                .isEqualTo(1);
    }

    @Test
    void aDingLinksOnlyToAMessageItsSenderCanSee() {
        Team t = team();
        String mine = conversationOf(t.senderApi(), t.first());
        long message = message(t.senderApi(), mine, "The deploy is stuck");
        String theirs = conversationOf(t.firstApi(), t.second());
        long theirMessage = message(t.firstApi(), theirs, "Between us");

        var linked = t.senderApi().post("/api/v1/dings", json("text", "Look at this", "recipients",
                List.of(t.first()), "conversationId", mine, "messageId", message));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().get("conversationId").asText()).isEqualTo(mine);
        assertThat(linked.json().get("messageId").asLong()).isEqualTo(message);

        // Not a member, a message of another conversation, no such message, no such conversation.
        refusedLink(t, theirs, theirMessage, "messaging.conversation_not_found");
        refusedLink(t, mine, theirMessage, "messaging.message_not_found");
        refusedLink(t, mine, message + 1000, "messaging.message_not_found");
        refusedLink(t, "no-such-conversation", message, "messaging.conversation_not_found");
        // Another organisation's conversation, even with its own message, is not found.
        Team other = team();
        String elsewhere = conversationOf(other.senderApi(), other.first());
        refusedLink(t, elsewhere, message(other.senderApi(), elsewhere, "Elsewhere"),
                "messaging.conversation_not_found");
        assertThat(dingRows(t.tenantId())).isEqualTo(1);
        assertThat(events(t, t.first(), "ding.created")).hasSize(1);
    }

    @Test
    void theOrganisationDecidesWhichChannelsDingsMayEscalateTo() {
        Team t = team();
        var settings = t.senderApi().get("/api/v1/dings/settings").json();
        assertThat(settings.get("emailAllowed").asBoolean()).isTrue();
        assertThat(settings.get("emailConfigured").asBoolean()).isFalse();
        assertThat(settings.get("smsConfigured").asBoolean()).isFalse();

        var refused = t.senderApi().put("/api/v1/dings/settings", json("emailAllowed", true, "smsAllowed", false));
        assertThat(refused.status()).isEqualTo(403);
        var changed = t.org().admin().put("/api/v1/dings/settings", json("emailAllowed", true, "smsAllowed", false));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("smsAllowed").asBoolean()).isFalse();
        assertThat(auditCount(t.org(), "messaging.ding.settings_changed")).isEqualTo(1);

        expect(t, json("text", "x", "recipients", List.of(t.first()), "escalation", json("smsFrom", 1)),
                "messaging.ding_channel_not_allowed", "escalation.smsFrom");
        var sent = t.senderApi().post("/api/v1/dings", json("text", "x", "recipients", List.of(t.first())));
        assertThat(sent.json().get("emailFrom").asInt()).isEqualTo(2);
        Org other = newOrganisation();
        assertThat(other.admin().get("/api/v1/dings/settings").json().get("smsAllowed").asBoolean()).isTrue();
        assertThat(sent.json().has("smsFrom")).isFalse();
    }

    @Test
    void theSenderPagesThroughTheirDingsNewestFirst() {
        Team t = team();
        long first = send(t.senderApi(), json("text", "One", "recipients", List.of(t.first())));
        send(t.senderApi(), json("text", "Two", "recipients", List.of(t.first())));
        send(t.senderApi(), json("text", "Three", "recipients", List.of(t.second())));
        var page = t.senderApi().get("/api/v1/dings/sent?limit=2").json();
        assertThat(page.get("items").findValuesAsText("text")).containsExactly("Three", "Two");
        var next = t.senderApi().get("/api/v1/dings/sent?limit=2&cursor=" + page.get("nextCursor").asText()).json();
        assertThat(next.get("items").get(0).get("id").asLong()).isEqualTo(first);
        assertThat(next.has("nextCursor")).isFalse();
        assertThat(t.senderApi().get("/api/v1/dings/sent?cursor=abc").code()).isEqualTo("messaging.cursor_invalid");
        var banner = t.firstApi().get("/api/v1/dings/unconfirmed").json();
        assertThat(banner.findValuesAsText("text")).containsExactly("Two", "One");
    }

    @Test
    void twoNodesRunningTheJobAtOnceRemindOnce() throws Exception {
        Team t = team();
        long id = send(t.senderApi(), json("text", "Once only", "recipients", List.of(t.first(), t.second()),
                "remindEveryMinutes", 1, "escalation", json("emailFrom", 1)));
        clock.advance(Duration.ofMinutes(1));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    job.run();
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdown();
        }
        job.run();
        assertThat(events(t, t.first(), "ding.reminded")).hasSize(1);
        assertThat(events(t, t.second(), "ding.reminded")).hasSize(1);
        assertThat(count("select count(*) from msg_ding_attempt where ding_id = ? and step = 1", id)).isEqualTo(4);
    }

    @Test
    void theApiDocumentDescribesDings() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/dings", "/api/v1/dings/{id}",
                "/api/v1/dings/{id}/confirm", "/api/v1/dings/{id}/cancel", "/api/v1/dings/{id}/recipients",
                "/api/v1/dings/{id}/attempts", "/api/v1/dings/unconfirmed", "/api/v1/dings/settings");
        JsonNode send = paths.get("/api/v1/dings").get("post");
        assertThat(send.get("x-lantau-scope").asText()).isEqualTo("people-only");
        assertThat(send.get("responses").get("400").get("description").asText())
                .contains("messaging.ding_recipient_unknown");
    }

    private void refusedLink(Team t, String conversationId, long messageId, String code) {
        var response = t.senderApi().post("/api/v1/dings", json("text", "Look", "recipients", List.of(t.first()),
                "conversationId", conversationId, "messageId", messageId));
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.code()).isEqualTo(code);
    }

    private static String conversationOf(Api from, String to) {
        var response = from.post("/api/v1/conversations/direct", Map.of("userId", to));
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asText();
    }

    private static long message(Api from, String conversationId, String text) {
        var response = from.post("/api/v1/conversations/" + conversationId + "/messages",
                Map.of("content", Map.of("kind", "text", "text", text)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private void expect(Team t, Map<String, Object> body, String code, String field) {
        var response = t.senderApi().post("/api/v1/dings", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.code()).as(response.body()).isEqualTo(code);
        assertThat(field(response, 0)).isEqualTo(field);
    }
}
