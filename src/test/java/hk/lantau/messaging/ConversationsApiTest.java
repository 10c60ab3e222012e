package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationsApiTest extends MessagingApiTestSupport {

    @Test
    void aPairHasOneDirectConversationThatBothSee() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");

        var first = ann.api().post("/api/v1/conversations/direct", json("userId", ben.userId()));
        assertThat(first.status()).isEqualTo(201);
        String id = first.json().get("id").asText();
        assertThat(id).startsWith("cid").hasSizeGreaterThan(20);
        assertThat(first.json().get("kind").asText()).isEqualTo("DIRECT");
        assertThat(first.json().get("name").asText()).isEqualTo("Ben Lee");
        assertThat(first.json().get("peerId").asText()).isEqualTo(ben.userId());

        var again = ben.api().post("/api/v1/conversations/direct", json("userId", ann.userId()));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(again.json().get("name").asText()).isEqualTo("Ann Chan");
        assertThat(count("select count(*) from msg_conversation where tenant_id = ?", tenantId(org))).isEqualTo(1);
    }

    @Test
    void aPersonCanKeepNotesInAConversationWithThemselves() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");

        var notes = ann.api().post("/api/v1/conversations/direct", json("userId", ann.userId()));

        assertThat(notes.status()).isEqualTo(201);
        assertThat(notes.json().get("memberCount").asInt()).isEqualTo(1);
        assertThat(notes.json().get("name").asText()).isEqualTo("Ann Chan");
        sendText(ann, notes.json().get("id").asText(), "Buy milk");
        assertThat(ann.api().get("/api/v1/conversations/" + notes.json().get("id").asText()).json()
                .get("unreadCount").asLong()).isZero();
    }

    @Test
    void aMessageReachesEveryMembersStreamAndTheListShowsUnreadCounts() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        Person cat = person(org, "Cat Wong");
        String group = group(ann, "Launch", ben, cat);

        JsonNode sent = sendText(ann, group, "Hello team");

        assertThat(sent.get("seq").asLong()).isEqualTo(2); // after the "created" notice
        assertThat(sent.get("author").get("id").asText()).isEqualTo(ann.userId());
        assertThat(sent.get("content").get("text").asText()).isEqualTo("Hello team");
        for (Person p : List.of(ann, ben, cat)) {
            List<JsonNode> created = streamed(org, p, "message.created");
            assertThat(created).extracting(e -> e.get("id").asLong()).contains(sent.get("id").asLong());
        }
        JsonNode bens = ben.api().get("/api/v1/conversations").json().get("items").get(0);
        assertThat(bens.get("id").asText()).isEqualTo(group);
        assertThat(bens.get("name").asText()).isEqualTo("Launch");
        assertThat(bens.get("unreadCount").asLong()).isEqualTo(2);
        assertThat(bens.get("lastMessage").get("content").get("text").asText()).isEqualTo("Hello team");
        assertThat(bens.get("myRole").asText()).isEqualTo("MEMBER");
        JsonNode anns = ann.api().get("/api/v1/conversations/" + group).json();
        assertThat(anns.get("unreadCount").asLong()).as("own messages are read").isZero();
        assertThat(anns.get("myRole").asText()).isEqualTo("OWNER");
    }

    @Test
    void theListIsSortedByLastActivityAndPaged() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String first = group(ann, "First", ben);
        clock.advance(Duration.ofSeconds(1));
        String second = group(ann, "Second", ben);
        clock.advance(Duration.ofSeconds(1));
        String third = group(ann, "Third", ben);
        clock.advance(Duration.ofSeconds(1));
        sendText(ann, first, "bump");

        var page = ben.api().get("/api/v1/conversations?limit=2").json();
        assertThat(page.get("items")).extracting(i -> i.get("id").asText()).containsExactly(first, third);
        var rest = ben.api().get("/api/v1/conversations?limit=2&cursor=" + page.get("nextCursor").asText()).json();
        assertThat(rest.get("items")).extracting(i -> i.get("id").asText()).containsExactly(second);
        assertThat(rest.path("nextCursor").asText(null)).isNull();
    }

    @Test
    void strangersAndOtherOrganisationsDoNotSeeAConversation() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        Person eve = person(org, "Eve Outsider");
        String group = group(ann, "Private", ben);
        Org other = newOrganisation();
        Person mallory = person(other, "Mallory");

        for (Person p : List.of(eve, mallory)) {
            var response = p.api().get("/api/v1/conversations/" + group);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("messaging.conversation_not_found");
            assertThat(send(p, group, json("content", text("hi"))).status()).isEqualTo(404);
            assertThat(p.api().get("/api/v1/conversations/" + group + "/messages").status()).isEqualTo(404);
        }
        var crossDirect = mallory.api().post("/api/v1/conversations/direct", json("userId", ann.userId()));
        assertThat(crossDirect.status()).isEqualTo(400);
        assertThat(crossDirect.code()).isEqualTo("messaging.user_not_found");
        assertThat(count("select count(*) from msg_message where conversation_id = ?", group)).isEqualTo(1);
    }
}
