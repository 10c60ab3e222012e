package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.jsoup.Jsoup;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesApiTest extends MessagingApiTestSupport {

    @Test
    void historyPagesBackwardsAndCatchesUpForwards() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);
        for (int i = 1; i <= 5; i++) {
            sendText(i % 2 == 0 ? ben : ann, chat, "m" + i);
        }

        JsonNode newest = ben.api().get("/api/v1/conversations/" + chat + "/messages?limit=2").json();
        assertThat(texts(newest.get("items"), null).size()).isEqualTo(2);
        assertThat(newest.get("items")).extracting(m -> m.get("content").get("text").asText())
                .containsExactly("m5", "m4");
        JsonNode older = ben.api().get("/api/v1/conversations/" + chat + "/messages?limit=2&before="
                + newest.get("nextCursor").asText()).json();
        assertThat(older.get("items")).extracting(m -> m.get("content").get("text").asText())
                .containsExactly("m3", "m2");
        JsonNode oldest = ben.api().get("/api/v1/conversations/" + chat + "/messages?limit=2&before="
                + older.get("nextCursor").asText()).json();
        assertThat(oldest.get("items")).extracting(m -> m.get("content").get("text").asText()).containsExactly("m1");
        assertThat(oldest.path("nextCursor").asText(null)).isNull();

        JsonNode catchUp = ben.api().get("/api/v1/conversations/" + chat + "/messages?after=3").json();
        assertThat(catchUp.get("items")).extracting(m -> m.get("seq").asLong()).containsExactly(4L, 5L);
        var both = ben.api().get("/api/v1/conversations/" + chat + "/messages?after=1&before=3");
        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void aRepeatedClientMessageIdReturnsTheFirstMessage() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);

        var first = send(ann, chat, json("content", text("once"), "clientMessageId", "c-1"));
        var retry = send(ann, chat, json("content", text("once"), "clientMessageId", "c-1"));
        var otherAuthor = send(ben, chat, json("content", text("mine"), "clientMessageId", "c-1"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(otherAuthor.status()).isEqualTo(201);
        assertThat(count("select count(*) from msg_message where conversation_id = ?", chat)).isEqualTo(2);
        assertThat(streamed(org, ben, "message.created")).hasSize(2);
    }

    @Test
    void markdownIsRenderedFromASafeSubset() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);
        String source = """
                **Bold** and [site](https://example.hk) and [bad](javascript:alert(1)) and [data](data:text/html,x)
                <script>alert('x')</script>
                <img src="x" onerror="alert(1)">
                <a href="https://example.hk" onclick="steal()">click</a>
                <iframe src="https://evil.example"></iframe>
                <style>body{display:none}</style>
                ![pic](javascript:alert(2))
                """;

        JsonNode sent = send(ann, chat, json("content", markdown("Notes", source))).json();

        String html = sent.get("html").asText();
        assertThat(html).contains("<strong>Bold</strong>").contains("href=\"https://example.hk\"")
                .contains("rel=\"nofollow noopener noreferrer\"");
        assertHarmless(html);
        // Raw HTML in the source survives only as visible, escaped text.
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
        assertThat(Jsoup.parseBodyFragment(html).select("a")).hasSize(3)
                .allSatisfy(a -> assertThat(a.attr("href")).isIn("https://example.hk", ""));
        assertThat(sent.get("content").get("text").asText()).isEqualTo(source);
        JsonNode seen = ben.api().get("/api/v1/conversations/" + chat + "/messages").json().get("items").get(0);
        assertThat(seen.get("html").asText()).isEqualTo(html);
    }

    @Test
    void badContentIsRefusedWithFieldErrorsAndNothingIsStored() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);

        var tooLong = send(ann, chat, json("content", text("字".repeat(5_001))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("messaging.message_invalid");
        assertThat(field(tooLong, 0)).isEqualTo("content.text");
        assertThat(tooLong.json().get("errors").get(0).get("code").asText()).isEqualTo("messaging.text_too_long");
        assertThat(send(ann, chat, json("content", text("字".repeat(5_000)))).status()).isEqualTo(201);

        var longMarkdown = send(ann, chat, json("content", markdown("t", "x".repeat(5_001))));
        assertThat(field(longMarkdown, 0)).isEqualTo("content.text");
        var empty = send(ann, chat, json("content", text("  ")));
        assertThat(empty.json().get("errors").get(0).get("code").asText()).isEqualTo("messaging.text_required");
        var noContent = send(ann, chat, json("clientMessageId", "x"));
        assertThat(noContent.code()).isEqualTo("messaging.content_required");
        var scriptLink = send(ann, chat, json("content", json("kind", "link", "title", "t", "text", "x",
                "messageUrl", "javascript:alert(1)")));
        assertThat(field(scriptLink, 0)).isEqualTo("content.messageUrl");
        var dataButton = send(ann, chat, json("content", json("kind", "actionCard", "title", "t", "text", "x",
                "buttons", List.of(json("title", "Go", "url", "data:text/html,hi")))));
        assertThat(field(dataButton, 0)).isEqualTo("content.buttons[0].url");
        var notice = send(ann, chat, json("content", json("kind", "system", "text", "Ann is now admin")));
        assertThat(field(notice, 0)).isEqualTo("content.kind");
        var unknownKind = send(ann, chat, json("content", json("kind", "video", "url", "x")));
        assertThat(unknownKind.status()).isEqualTo(400);
        var badClientId = send(ann, chat, json("content", text("x"), "clientMessageId", "x".repeat(65)));
        assertThat(badClientId.code()).isEqualTo("messaging.client_id_invalid");

        assertThat(count("select count(*) from msg_message where conversation_id = ?", chat)).isEqualTo(1);
        assertThat(count("select last_seq from msg_conversation where id = ?", chat)).isEqualTo(1);
        assertThat(streamed(org, ben, "message.created")).hasSize(1);
    }

    @Test
    void linksAndCardsKeepTheirShapeAndCardTextIsSanitised() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);

        JsonNode link = send(ann, chat, json("content", json("kind", "link", "title", "Report", "text", "Q3",
                "messageUrl", "https://example.hk/q3", "picUrl", "https://example.hk/q3.png"))).json();
        JsonNode card = send(ann, chat, json("content", json("kind", "actionCard", "title", "Approve?",
                "text", "<b onmouseover=\"x()\">Now</b>", "singleTitle", "Open",
                "singleUrl", "https://example.hk/a"))).json();

        assertThat(link.get("kind").asText()).isEqualTo("link");
        assertThat(link.get("content").get("messageUrl").asText()).isEqualTo("https://example.hk/q3");
        assertThat(card.get("kind").asText()).isEqualTo("actionCard");
        assertHarmless(card.get("html").asText());
        assertThat(Jsoup.parseBodyFragment(card.get("html").asText()).select("b")).isEmpty();
    }

    @Test
    void mentionsFlagTheMentionedPeopleUntilTheyRead() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        Person cat = person(org, "Cat Wong");
        String group = group(ann, "Team", ben, cat);

        JsonNode sent = send(ann, group, json("content", text("@Ben please check"),
                "mentions", List.of(ben.userId(), "not-a-member"))).json();

        assertThat(sent.get("mentions")).extracting(JsonNode::asText).containsExactly(ben.userId());
        assertThat(ben.api().get("/api/v1/conversations/" + group).json().get("mentioned").asBoolean()).isTrue();
        assertThat(cat.api().get("/api/v1/conversations/" + group).json().get("mentioned").asBoolean()).isFalse();
        ben.api().post("/api/v1/conversations/" + group + "/read", json("seq", sent.get("seq").asLong()));
        assertThat(ben.api().get("/api/v1/conversations/" + group).json().get("mentioned").asBoolean()).isFalse();

        send(cat, group, json("content", text("everyone!"), "mentionAll", true));
        assertThat(ann.api().get("/api/v1/conversations/" + group).json().get("mentioned").asBoolean()).isTrue();
        assertThat(ben.api().get("/api/v1/conversations/" + group).json().get("mentioned").asBoolean()).isTrue();
    }

    @Test
    void onlyOwnerAndAdminsMentionEveryoneInLargeGroups() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(createUser(org.admin(), "Staff " + i, 1L));
        }
        many.add(ben.userId());
        String group = ann.api().post("/api/v1/conversations/groups", json("name", "All hands", "memberIds", many))
                .json().get("id").asText();

        var refused = send(ben, group, json("content", text("hey all"), "mentionAll", true));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("messaging.mention_all_not_allowed");
        assertThat(send(ann, group, json("content", text("hey all"), "mentionAll", true)).status()).isEqualTo(201);
    }

    @Test
    void aReplyQuotesTheOriginalAndShowsWhenItWasRecalled() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);
        JsonNode original = sendText(ann, chat, "Lunch at the dim sum place near Central at 12:30? " + "x".repeat(100));

        JsonNode reply = send(ben, chat, json("content", text("Yes!"), "replyTo", original.get("id").asLong())).json();

        JsonNode quote = reply.get("replyTo");
        assertThat(quote.get("messageId").asLong()).isEqualTo(original.get("id").asLong());
        assertThat(quote.get("authorName").asText()).isEqualTo("Ann Chan");
        assertThat(quote.get("excerpt").asText()).startsWith("Lunch at the dim sum").endsWith("…").hasSize(80);
        ann.api().post("/api/v1/conversations/" + chat + "/messages/" + original.get("id").asLong() + "/recall", null);
        JsonNode after = ben.api().get("/api/v1/conversations/" + chat + "/messages?limit=1").json().get("items").get(0);
        assertThat(after.get("replyTo").get("state").asText()).isEqualTo("RECALLED");
        assertThat(after.get("replyTo").path("excerpt").isMissingNode() || after.get("replyTo").get("excerpt").isNull())
                .isTrue();

        String other = direct(ann, person(org, "Cat Wong"));
        JsonNode elsewhere = sendText(ann, other, "elsewhere");
        var wrongConversation = send(ben, chat, json("content", text("?"), "replyTo", elsewhere.get("id").asLong()));
        assertThat(wrongConversation.status()).isEqualTo(400);
        assertThat(wrongConversation.code()).isEqualTo("messaging.reply_not_found");
    }

    @Test
    void theSenderRecallsWithin24HoursAndTheContentIsGone() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);
        JsonNode early = sendText(ann, chat, "oops, wrong chat");
        JsonNode late = sendText(ann, chat, "keep this");
        String recallPath = "/api/v1/conversations/" + chat + "/messages/%d/recall";

        var byOther = ben.api().post(recallPath.formatted(early.get("id").asLong()), null);
        assertThat(byOther.status()).isEqualTo(403);
        assertThat(byOther.code()).isEqualTo("messaging.not_your_message");

        clock.advance(Duration.ofHours(23));
        ann = again(ann);
        var recalled = ann.api().post(recallPath.formatted(early.get("id").asLong()), null);
        assertThat(recalled.status()).isEqualTo(200);
        assertThat(recalled.json().get("state").asText()).isEqualTo("RECALLED");
        assertThat(recalled.json().path("content").isNull() || recalled.json().path("content").isMissingNode()).isTrue();
        assertThat(count("select count(*) from msg_message where id = ? and content is null",
                early.get("id").asLong())).isEqualTo(1);
        assertThat(streamed(org, ben, "message.recalled")).extracting(e -> e.get("messageId").asLong())
                .containsExactly(early.get("id").asLong());

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        ann = again(ann);
        var tooLate = ann.api().post(recallPath.formatted(late.get("id").asLong()), null);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.code()).isEqualTo("messaging.recall_window_passed");
        assertThat(count("select count(*) from msg_message where id = ? and content is not null",
                late.get("id").asLong())).isEqualTo(1);
    }

    @Test
    void aModeratorRemovesAnyMessageWithAnAuditedReason() {
        Org org = newOrganisation();
        Person admin = admin(org);
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String chat = direct(ann, ben);
        JsonNode bad = sendText(ben, chat, "something abusive");
        String removePath = "/api/v1/conversations/" + chat + "/messages/" + bad.get("id").asLong() + "/remove";

        var notModerator = ann.api().post(removePath, json("reason", "I dislike it"));
        assertThat(notModerator.status()).isEqualTo(403);
        var noReason = admin.api().post(removePath, json("reason", " "));
        assertThat(noReason.code()).isEqualTo("messaging.reason_required");
        assertThat(auditCount(org, "messaging.message.removed")).isZero();

        var removed = admin.api().post(removePath, json("reason", "Harassment report #12"));

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("state").asText()).isEqualTo("REMOVED");
        assertThat(count("select count(*) from msg_message where id = ? and content is null and state = 'REMOVED'",
                bad.get("id").asLong())).isEqualTo(1);
        assertThat(auditCount(org, "messaging.message.removed")).isEqualTo(1);
        assertThat(auditChanges(org).get(auditChanges(org).size() - 1)).contains("Harassment report #12")
                .contains(chat).doesNotContain("abusive");
        assertThat(streamed(org, ann, "message.removed")).hasSize(1);
        Org other = newOrganisation();
        var crossTenant = other.admin().post(removePath, json("reason", "x"));
        assertThat(crossTenant.status()).isEqualTo(404);
    }

    @Test
    void nobodyPostsToADismissedGroup() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String group = group(ann, "Project X", ben);
        sendText(ben, group, "done?");

        assertThat(ann.api().delete("/api/v1/conversations/" + group).status()).isEqualTo(200);

        var refused = send(ben, group, json("content", text("still here?")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("messaging.conversation_dismissed");
        assertThat(ben.api().get("/api/v1/conversations/" + group + "/messages").json().get("items")).hasSize(3);
    }
}
