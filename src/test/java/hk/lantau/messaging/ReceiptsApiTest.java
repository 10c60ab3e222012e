package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptsApiTest extends MessagingApiTestSupport {

    @Test
    void inADirectChatTheSenderSeesWhenTheOtherHasRead() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);
        JsonNode message = sendText(ann, chat, "Did you get the contract?");
        String receipts = "/api/v1/conversations/" + chat + "/messages/" + message.get("id").asLong() + "/receipts";

        JsonNode before = ann.api().get(receipts).json();
        assertThat(before.get("readCount").asInt()).isZero();
        assertThat(before.get("unread")).extracting(r -> r.get("userId").asText()).containsExactly(ben.userId());
        assertThat(ben.api().get("/api/v1/conversations/" + chat).json().get("unreadCount").asLong()).isEqualTo(1);

        var read = ben.api().post("/api/v1/conversations/" + chat + "/read", json("seq", message.get("seq").asLong()));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("unreadCount").asLong()).isZero();
        JsonNode after = ann.api().get(receipts).json();
        assertThat(after.get("read")).extracting(r -> r.get("name").asText()).containsExactly("Ben Lee");
        assertThat(after.get("unread")).isEmpty();
        List<JsonNode> toSender = streamed(org, ann, "conversation.read");
        assertThat(toSender).hasSize(1);
        assertThat(toSender.get(0).get("userId").asText()).isEqualTo(ben.userId());
        assertThat(toSender.get(0).get("readSeq").asLong()).isEqualTo(message.get("seq").asLong());
        assertThat(streamed(org, ben, "conversation.read")).as("the reader's other devices").hasSize(1);
    }

    @Test
    void inAGroupReceiptsComeFromReadPositionsAndLateJoinersAreNeither() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        Person cat = person(org, "Cat Wong");
        Person dan = person(org, "Dan Ho");
        String group = group(ann, "Ops", ben, cat);
        JsonNode first = sendText(ann, group, "Server maintenance tonight");
        JsonNode second = sendText(ben, group, "Noted");
        ann.api().post("/api/v1/conversations/" + group + "/members", json("userIds", List.of(dan.userId())));

        cat.api().post("/api/v1/conversations/" + group + "/read", json("seq", first.get("seq").asLong()));

        JsonNode receipt = ann.api().get("/api/v1/conversations/" + group + "/messages/" + first.get("id").asLong()
                + "/receipts").json();
        assertThat(receipt.get("read")).extracting(r -> r.get("userId").asText())
                .containsExactlyInAnyOrder(ben.userId(), cat.userId());
        assertThat(receipt.get("unread")).isEmpty();
        assertThat(receipt.get("readCount").asInt()).isEqualTo(2);
        JsonNode ofSecond = ben.api().get("/api/v1/conversations/" + group + "/messages/" + second.get("id").asLong()
                + "/receipts").json();
        assertThat(ofSecond.get("read")).isEmpty();
        assertThat(ofSecond.get("unread")).extracting(r -> r.get("userId").asText())
                .containsExactly(ann.userId(), cat.userId());
        assertThat(streamed(org, ann, "conversation.read")).extracting(e -> e.get("userId").asText())
                .containsExactly(cat.userId());
        assertThat(streamed(org, ben, "conversation.read")).as("Cat has not reached Ben's message").isEmpty();
        var hidden = dan.api().get("/api/v1/conversations/" + group + "/messages/" + first.get("id").asLong()
                + "/receipts");
        assertThat(hidden.status()).as("sent before Dan joined").isEqualTo(404);
    }

    @Test
    void aReadPositionOnlyMovesForwardAndStopsAtTheLastMessage() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);
        sendText(ann, chat, "one");
        sendText(ann, chat, "two");
        String read = "/api/v1/conversations/" + chat + "/read";

        assertThat(ben.api().post(read, json("seq", 99)).json().get("readSeq").asLong()).isEqualTo(2);
        assertThat(ben.api().post(read, json("seq", 1)).json().get("readSeq").asLong()).isEqualTo(2);
        assertThat(streamed(org, ann, "conversation.read")).hasSize(1);
        var negative = ben.api().post(read, json("seq", -1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.code()).isEqualTo("messaging.seq_invalid");
        assertThat(ben.api().post(read, json()).status()).isEqualTo(400);
        assertThat(count("select read_seq from msg_member where conversation_id = ? and user_id = ?", chat,
                ben.userId())).isEqualTo(2);
    }

    @Test
    void unreadCountsSkipOwnMessagesAndCountOthers() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);
        sendText(ann, chat, "a");
        sendText(ann, chat, "b");
        sendText(ben, chat, "c");
        sendText(ann, chat, "d");

        assertThat(ann.api().get("/api/v1/conversations/" + chat).json().get("unreadCount").asLong()).isZero();
        assertThat(ben.api().get("/api/v1/conversations/" + chat).json().get("unreadCount").asLong())
                .as("replying read a and b; d is new").isEqualTo(1);
    }

    @Test
    void receiptsAndReadPositionsOfOtherOrganisationsAreNotFound() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);
        JsonNode message = sendText(ann, chat, "secret");
        Person mallory = person(newOrganisation(), "Mallory");

        var receipts = mallory.api().get("/api/v1/conversations/" + chat + "/messages/" + message.get("id").asLong()
                + "/receipts");
        var read = mallory.api().post("/api/v1/conversations/" + chat + "/read", json("seq", 1));

        assertThat(receipts.status()).isEqualTo(404);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("messaging.conversation_not_found");
    }
}
