package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.PersonalDataContributor;
import hk.lantau.support.Api;
import hk.lantau.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Messaging's part of data-access requests and erasure, with the data made through the API. */
class MessagingPersonalDataApiTest extends MessagingApiTestSupport {

    @Autowired
    private List<PersonalDataContributor> contributors;

    /** Everything messaging can hold about Amy, made through the API, with Ben on the other side. */
    private record World(Org org, Person amy, Person ben, String group, String direct, long amyMessage,
                         long benMention, long dingToBen, long dingToAmy, long notification) {
    }

    private World world(Org org, String amyUserId) {
        Person amy = amyUserId == null ? person(org, "Amy Wong") : personWithId(org, amyUserId, "Amy Wong");
        Person ben = person(org, "Ben Lee");
        String group = group(amy, "Payroll", ben);
        String direct = direct(amy, ben);
        long amyMessage = sendText(amy, group, "Salary file attached for checking").get("id").asLong();
        sendText(amy, direct, "Lunch at one?");
        JsonNode mention = send(ben, group, json("content", text("Amy Wong please confirm the totals"),
                "mentions", List.of(amy.userId()))).json();
        Api.Response read = amy.api().post("/api/v1/conversations/" + group + "/read",
                json("seq", mention.get("seq").asLong()));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        long dingToBen = ding(amy, "Bring the cheque book", ben);
        long dingToAmy = ding(ben, "Sign the payment run", amy);
        assertThat(amy.api().post("/api/v1/dings/" + dingToAmy + "/confirm", Map.of()).status()).isEqualTo(200);
        var robot = amy.api().post("/api/v1/conversations/" + group + "/robots", Map.of("name", "Payroll bot",
                "keywords", List.of("payroll")));
        assertThat(robot.status()).as(robot.body()).isEqualTo(201);
        long notification = sendNotification(org.admin(), "Office closed on Friday", amy, ben);
        assertThat(amy.api().post("/api/v1/me/notifications/" + notification + "/read", Map.of()).status())
                .isEqualTo(200);
        return new World(org, amy, ben, group, direct, amyMessage, mention.get("id").asLong(), dingToBen, dingToAmy,
                notification);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportHoldsEachKindOfRecordAndOnlyThePersonsOwn() {
        World w = world(newOrganisation(), null);

        Map<String, Object> export = export(w.org(), w.amy().userId());

        List<Map<String, Object>> conversations = items(export, "conversations");
        assertThat(conversations).extracting(c -> c.get("conversationId")).containsExactlyInAnyOrder(w.group(),
                w.direct());
        Map<String, Object> group = conversations.stream().filter(c -> c.get("conversationId").equals(w.group()))
                .findFirst().orElseThrow();
        assertThat(group).containsEntry("name", "Payroll").containsEntry("role", "OWNER").containsKey("joinedAt")
                .containsKey("readAt");
        assertThat((long) group.get("readSeq")).isPositive();

        List<Map<String, Object>> messages = items(export, "messages");
        assertThat(messages).hasSize(2);
        assertThat(messages).extracting(m -> ((Map<String, Object>) m.get("content")).get("text"))
                .containsExactlyInAnyOrder("Salary file attached for checking", "Lunch at one?");
        assertThat(messages).allSatisfy(m -> assertThat(m).containsEntry("recalled", false)
                .containsEntry("removed", false).containsKey("sentAt").containsEntry("kind", "text"));
        assertThat(section(export, "messages")).containsEntry("total", 2L).containsEntry("truncated", false);

        assertThat(items(export, "dingsSent")).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("id", w.dingToBen()).containsEntry("text", "Bring the cheque book");
            assertThat((List<Map<String, Object>>) d.get("recipients")).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("userId", w.ben().userId()));
        });
        assertThat(items(export, "dingsReceived")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("id", w.dingToAmy()).containsEntry("senderId", w.ben().userId())
                .containsKey("confirmedAt"));
        assertThat(items(export, "notificationsReceived")).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("id", w.notification()).containsKey("readAt").containsKey("receivedAt"));
        assertThat((List<Map<String, Object>>) export.get("robotsCreated")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("name", "Payroll bot")
                        .containsEntry("conversationId", w.group()));

        // Ben's export has his words, not Amy's.
        assertThat(items(export(w.org(), w.ben().userId()), "messages")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("id", w.benMention()));
        Org other = newOrganisation();
        Map<String, Object> elsewhere = export(other, w.amy().userId());
        for (String list : List.of("conversations", "messages", "dingsSent", "dingsReceived", "notificationsReceived")) {
            assertThat(items(elsewhere, list)).as(list).isEmpty();
        }
        assertThat((List<?>) elsewhere.get("robotsCreated")).isEmpty();
    }

    @Test
    void exportIsBoundedAndSaysSo() {
        Org org = newOrganisation();
        Person amy = person(org, "Amy Wong");
        Person ben = person(org, "Ben Lee");
        String chat = direct(amy, ben);
        long firstSeq = sendText(amy, chat, "first").get("seq").asLong();
        // Copies of one message up to just past the bound, written straight to the table for speed.
        jdbc.sql("insert into msg_message (tenant_id, conversation_id, seq, author_kind, author_id, author_name, "
                        + "kind, content, mention_all, state, sent_at) "
                        + "select m.tenant_id, m.conversation_id, m.seq + r.x, m.author_kind, m.author_id, "
                        + "m.author_name, m.kind, m.content, m.mention_all, m.state, m.sent_at "
                        + "from msg_message m cross join " + numbers(10_000)
                        + " where m.tenant_id = :t and m.conversation_id = :c and m.seq = :seq")
                .param("t", tenantId(org)).param("c", chat).param("seq", firstSeq).update();

        Map<String, Object> messages = section(export(org, amy.userId()), "messages");

        assertThat(messages).containsEntry("total", 10_001L).containsEntry("truncated", true);
        assertThat((List<?>) messages.get("items")).hasSize(10_000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void erasureEmptiesTheirMessagesEndsMembershipsAndLeavesOthersAlone() {
        World w = world(newOrganisation(), null);
        World elsewhere = world(newOrganisation(), w.amy().userId());
        var later = w.amy().api().post("/api/v1/dings", json("text", "Stocktake next week", "recipients",
                List.of(w.ben().userId()), "sendAt", clock.instant().plus(Duration.ofDays(2)).toString()));
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        long scheduled = later.json().get("id").asLong();
        long amyStreamRows = count("select count(*) from msg_stream_event where tenant_id = ? and user_id = ?",
                tenantId(w.org()), w.amy().userId());
        assertThat(amyStreamRows).isPositive();
        long benStreamRows = streamRows(w.org(), w.ben());
        long amyAttempts = count("select count(*) from msg_ding_attempt where tenant_id = ? and user_id = ?",
                tenantId(w.org()), w.amy().userId());
        assertThat(amyAttempts).isPositive();
        long messageRows = count("select count(*) from msg_message where tenant_id = ? and author_kind = 'USER'", tenantId(w.org()));

        var result = erase(w.org(), w.amy().userId());

        assertThat(result.section()).isEqualTo("messaging");
        assertThat(result.retained()).containsKeys("messages", "mentions", "directConversations", "dingsSent",
                "notificationsSent", "robots");
        assertThat(result.anonymised()).isEqualTo(1);
        // 2 messages, 1 group, 1 DING recipient row with its attempts, 2 DINGs emptied, 1 notification row, the
        // stream rows and its head; leaving the group streamed her a few more events before her stream went.
        assertThat(result.erased()).isGreaterThanOrEqualTo((int) (2 + 1 + 1 + amyAttempts + 2 + 1 + amyStreamRows + 1));
        assertThat(String.join("\n", auditChanges(w.org()))).contains("\"messagesEmptied\":2", "\"groupsLeft\":1",
                "\"dingsSentEmptied\":2", "\"notificationRowsRemoved\":1");
        long tenant = tenantId(w.org());
        String amy = w.amy().userId();

        // Her messages are tombstones; the rows (and so the numbering) stay.
        assertThat(count("select count(*) from msg_message where tenant_id = ? and author_kind = 'USER'", tenant)).isEqualTo(messageRows);
        assertThat(count("select count(*) from msg_message where tenant_id = ? and author_id = ? "
                + "and (content is not null or state <> 'REMOVED' or author_name <> 'Erased user')", tenant, amy))
                .isZero();
        JsonNode history = w.ben().api().get("/api/v1/conversations/" + w.group() + "/messages?limit=100").json();
        JsonNode hers = find(history.get("items"), w.amyMessage());
        assertThat(hers.get("state").asText()).isEqualTo("REMOVED");
        assertThat(hers.toString()).doesNotContain("Salary file");
        assertThat(find(history.get("items"), w.benMention()).get("content").get("text").asText())
                .isEqualTo("Amy Wong please confirm the totals");

        // She left the group, which passed to Ben; his direct chat shows her as erased.
        JsonNode members = w.ben().api().get("/api/v1/conversations/" + w.group() + "/members").json();
        assertThat(members).extracting(m -> m.get("userId").asText()).containsExactly(w.ben().userId());
        assertThat(members.get(0).get("role").asText()).isEqualTo("OWNER");
        assertThat(w.ben().api().get("/api/v1/conversations/" + w.direct()).json().get("name").asText())
                .isEqualTo("Erased user");
        // The group's notice of her leaving does not name her; the older notices stay as the group's history.
        assertThat(jdbc.sql("select content from msg_message where tenant_id = :t and conversation_id = :c "
                        + "and author_kind = 'SYSTEM' order by seq").param("t", tenant).param("c", w.group())
                .query(String.class).list())
                .last().asString().contains("Erased user is no longer in the group").doesNotContain("Amy");
        assertThat(count("select count(*) from msg_member where tenant_id = ? and user_id = ? and read_at is not null",
                tenant, amy)).isZero();

        // DINGs, notifications and the stream.
        assertThat(count("select count(*) from msg_ding_recipient where tenant_id = ? and user_id = ?", tenant, amy))
                .isZero();
        assertThat(count("select count(*) from msg_ding_attempt where tenant_id = ? and user_id = ?", tenant, amy))
                .isZero();
        assertThat(jdbc.sql("select text from msg_ding where id = :id").param("id", w.dingToBen())
                .query(String.class).single()).isEmpty();
        assertThat(w.ben().api().get("/api/v1/dings/" + w.dingToAmy()).json().get("recipientCount").asInt()).isZero();
        // Nothing more goes out in her name: the scheduled DING is cancelled, reminders of the sent one stop.
        assertThat(jdbc.sql("select status from msg_ding where id = :id").param("id", scheduled).query(String.class)
                .single()).isEqualTo("CANCELLED");
        assertThat(count("select count(*) from msg_ding_recipient where ding_id = ? and next_remind_at is not null",
                w.dingToBen())).isZero();
        assertThat(count("select count(*) from msg_notice_recipient where tenant_id = ? and user_id = ?", tenant, amy))
                .isZero();
        assertThat(count("select count(*) from msg_stream_event where tenant_id = ? and user_id = ?", tenant, amy))
                .isZero();
        assertThat(count("select count(*) from msg_stream where tenant_id = ? and user_id = ?", tenant, amy)).isZero();
        assertThat(auditCount(w.org(), "messaging.personal_data.erased")).isEqualTo(1);

        // Ben keeps everything of his own.
        assertThat(count("select count(*) from msg_stream_event where tenant_id = ? and user_id = ? and seq <= ?",
                tenant, w.ben().userId(), benStreamRows)).isEqualTo(benStreamRows);
        assertThat(count("select count(*) from msg_notice_recipient where tenant_id = ? and user_id = ?", tenant,
                w.ben().userId())).isEqualTo(1);
        assertThat(count("select count(*) from msg_ding_recipient where tenant_id = ? and user_id = ?", tenant,
                w.ben().userId())).isEqualTo(2);
        assertThat(jdbc.sql("select text from msg_ding where id = :id").param("id", w.dingToAmy())
                .query(String.class).single()).isEqualTo("Sign the payment run");

        // The other organisation's person with the same userid keeps all of it.
        Map<String, Object> untouched = export(elsewhere.org(), amy);
        assertThat(items(untouched, "messages")).extracting(m -> ((Map<String, Object>) m.get("content")).get("text"))
                .containsExactlyInAnyOrder("Salary file attached for checking", "Lunch at one?");
        assertThat(items(untouched, "conversations")).hasSize(2);
        assertThat(items(untouched, "dingsReceived")).hasSize(1);
        assertThat(items(untouched, "notificationsReceived")).hasSize(1);
        assertThat(streamRows(elsewhere.org(), elsewhere.amy())).isPositive();

        var again = erase(w.org(), amy);
        assertThat(again.erased()).isZero();
        assertThat(again.anonymised()).isZero();
        assertThat(auditCount(w.org(), "messaging.personal_data.erased")).isEqualTo(1);
    }

    @Test
    void theDirectorysErasureShowsThemAsErasedInTheirConversations() {
        World w = world(newOrganisation(), null);
        PersonalDataContributor directory = contributors.stream().filter(c -> c.section().equals("directory"))
                .findFirst().orElseThrow();

        ActorScope.callAs(Actor.system(tenantId(w.org()), "test"), () -> directory.erase(tenantId(w.org()),
                w.amy().userId()));

        assertThat(w.ben().api().get("/api/v1/conversations/" + w.group() + "/members").json())
                .extracting(m -> m.get("userId").asText()).containsExactly(w.ben().userId());
        assertThat(count("select count(*) from msg_member where tenant_id = ? and user_id = ? and name <> ?",
                tenantId(w.org()), w.amy().userId(), "Erased user")).isZero();
        assertThat(w.ben().api().get("/api/v1/conversations/" + w.direct()).json().get("name").asText())
                .isEqualTo("Erased user");
    }

    private Map<String, Object> export(Org org, String userId) {
        return ActorScope.callAs(Actor.system(tenantId(org), "test"), () -> messaging().export(tenantId(org), userId));
    }

    private PersonalDataContributor.ErasureResult erase(Org org, String userId) {
        return ActorScope.callAs(Actor.system(tenantId(org), "test"), () -> messaging().erase(tenantId(org), userId));
    }

    private PersonalDataContributor messaging() {
        return contributors.stream().filter(c -> c.section().equals("messaging")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> export, String name) {
        return (Map<String, Object>) export.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> export, String name) {
        return (List<Map<String, Object>>) section(export, name).get("items");
    }

    private Person personWithId(Org org, String userId, String name) {
        String email = newEmail(userId);
        createUser(org.admin(), json("userId", userId, "name", name, "email", email, "mobile", newMobile(),
                "departmentIds", List.of(1L)));
        return new Person(userId, name, email, signInAs(org, userId));
    }

    private long streamRows(Org org, Person person) {
        return count("select count(*) from msg_stream_event where tenant_id = ? and user_id = ?", tenantId(org),
                person.userId());
    }

    private static JsonNode find(JsonNode items, long messageId) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == messageId) {
                return item;
            }
        }
        throw new AssertionError("message " + messageId + " not in " + items);
    }

    /** The numbers 1..n as table r with column x, in the SQL of the database the test runs on. */
    private static String numbers(int n) {
        return TestDatabase.POSTGRES ? "generate_series(1, " + n + ") as r(x)" : "system_range(1, " + n + ") as r(x)";
    }
}
