package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chat pages keep the chat API's rules: people see only their own conversations, unread counts
 * and mentions show in the list, what they type is stored once and shown safely, receipts count
 * from read positions, and anything of another organisation or another group is not found.
 */
class ChatPagesTest extends MessagingPagesTestSupport {

    @Test
    void theListShowsUnreadCountsAndMentionsAndTheChatShowsTheMessages() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        String group = group(ann, "Harbour project", ben);
        sendText(ann, group, "Morning, the tender is due on Friday.");
        assertThat(send(ann, group, json("content", text("@Ben Chan can you check the figures?"),
                "mentions", List.of(ben.userId()))).status()).isEqualTo(201);

        PageClient page = pages(ben);
        var list = page.get("/chat");
        assertThat(list.status()).isEqualTo(200);
        // Lantau's notice that the group was created is unread too.
        assertThat(list.body()).contains("Harbour project", "data-test=\"unread\"", ">3<", "[@ you]",
                "Ann Lee: @Ben Chan can you check the figures?", "href=\"/chat\"");

        var chat = page.get("/chat/" + group);
        assertThat(chat.status()).isEqualTo(200);
        assertThat(chat.body()).contains("Morning, the tender is due on Friday.", "Today", "2 members",
                "data-stream-seq=", "data-stream-user=\"" + ben.userId() + "\"", "mentions-me",
                "data-read=\"/api/v1/conversations/" + group + "/read\"");

        var chinese = page.get("/chat/" + group + "?lang=zh-HK");
        assertThat(chinese.body()).contains("聊天", "今天", "[有人@你]", "輸入訊息");
        // The group was created in English; each reader sees Lantau's notice in their own language.
        assertThat(chat.body()).contains("Ann Lee created the group &quot;Harbour project&quot;.");
        assertThat(chinese.body()).contains("Ann Lee 建立了群組「Harbour project」。")
                .doesNotContain("created the group");
    }

    @Test
    void sendingFromTheComposerStoresOneMessageWithItsMentionsAndReply() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        String group = group(ann, "Ops", ben);
        long original = sendText(ann, group, "Lunch at one?").get("id").asLong();

        PageClient page = pages(ben);
        page.get("/chat/" + group);
        Map<String, String> form = Map.of("text", "Yes, @Ann Lee, see you there", "replyTo", String.valueOf(original),
                "clientMessageId", "web-1");
        var sent = page.htmxPost("/chat/" + group + "/messages", form);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(page.htmxPost("/chat/" + group + "/messages", form).status()).isEqualTo(200);

        List<JsonNode> messages = history(ben, group);
        assertThat(messages).hasSize(2);
        JsonNode reply = messages.get(0);
        assertThat(reply.path("content").path("text").asText()).isEqualTo("Yes, @Ann Lee, see you there");
        assertThat(reply.path("mentions").toString()).contains(ann.userId());
        assertThat(reply.path("replyTo").path("messageId").asLong()).isEqualTo(original);

        var newer = page.htmxGet("/chat/" + group + "/messages?after=1&day=2000-01-01");
        assertThat(newer.body()).contains("Yes, @Ann Lee, see you there", "Lunch at one?", "class=\"quote\"")
                .doesNotContain("<html");

        var markdown = page.htmxPost("/chat/" + group + "/messages", Map.of("text", "# Agenda\n\n**Budget** first",
                "format", "markdown"));
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(page.get("/chat/" + group).body()).contains("<strong>Budget</strong>");
    }

    @Test
    void badInputIsRefusedInTheComposerAndNothingIsStored() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        String group = group(ann, "Checks", ben);

        PageClient page = pages(ann);
        page.get("/chat/" + group);
        var tooLong = page.htmxPost("/chat/" + group + "/messages", Map.of("text", "x".repeat(5001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("id=\"composer-error\"").doesNotContain("<html");
        var empty = page.htmxPost("/chat/" + group + "/messages", Map.of("text", "   "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(history(ann, group)).isEmpty();

        assertThat(page.htmxPost("/chat/" + group + "/messages",
                Map.of("text", "<img src=x onerror=alert(1)> <script>alert(2)</script>")).status()).isEqualTo(200);
        assertThat(page.htmxPost("/chat/" + group + "/messages", Map.of("format", "markdown",
                "text", "[click](javascript:alert(3)) <img src=x onerror=alert(4)><script>alert(5)</script>"))
                .status()).isEqualTo(200);
        String html = pages(ben).get("/chat/" + group).body();
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(5)")
                .doesNotContain("<script>alert", "<img", "href=\"javascript:");
        assertThat(html).doesNotContainPattern("<[a-zA-Z]+(?:\\s+[\\w-]+(?:=\"[^\"]*\")?)*\\s+onerror\\s*=");
    }

    @Test
    void receiptsCountFromReadPositionsAndListWhoHasRead() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        Person cat = person(org, "Cat Wong");
        String group = group(ann, "Receipts", ben, cat);
        JsonNode message = sendText(ann, group, "Please confirm the rota");
        long id = message.get("id").asLong();

        PageClient page = pages(ann);
        assertThat(page.get("/chat/" + group).body()).contains("Read by 0 · 2 unread");
        assertThat(ben.api().post("/api/v1/conversations/" + group + "/read",
                json("seq", message.get("seq").asLong())).status()).isEqualTo(200);

        var counts = page.htmxGet("/chat/" + group + "/receipts?ids=" + id);
        assertThat(counts.body()).contains("hx-swap-oob=\"true\"", "receipt-" + id, "Read by 1 · 1 unread");
        var lists = page.htmxGet("/chat/" + group + "/messages/" + id + "/receipts");
        assertThat(lists.body()).contains("Read (1)", "Ben Chan", "Not read yet (1)", "Cat Wong",
                "/dings/new?conversationId=" + group + "&amp;messageId=" + id + "&amp;to=" + cat.userId());
        assertThat(page.htmxGet("/chat/" + group + "/receipts?ids=1,x").status()).isEqualTo(400);

        String direct = direct(ann, ben);
        long first = sendText(ann, direct, "Call me").get("id").asLong();
        assertThat(page.get("/chat/" + direct).body()).contains("Ben Chan", ">Unread<");
        assertThat(ben.api().post("/api/v1/conversations/" + direct + "/read", json("seq", 1)).status())
                .isEqualTo(200);
        assertThat(page.htmxGet("/chat/" + direct + "/receipts?ids=" + first).body()).contains(">Read<");
    }

    @Test
    void senderRecallsAndEveryoneSeesTheTombstone() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        String group = group(ann, "Recalls", ben);
        JsonNode message = sendText(ann, group, "Wrong figures, ignore");
        long id = message.get("id").asLong();

        PageClient annPage = pages(ann);
        annPage.get("/chat/" + group);
        PageClient benPage = pages(ben);
        benPage.get("/chat/" + group);
        assertThat(benPage.htmxPost("/chat/" + group + "/messages/" + id + "/recall", Map.of()).status())
                .isEqualTo(403);

        var recalled = annPage.htmxPost("/chat/" + group + "/messages/" + id + "/recall", Map.of());
        assertThat(recalled.status()).isEqualTo(200);
        assertThat(recalled.body()).startsWith("<li").contains("You recalled a message")
                .doesNotContain("Wrong figures");
        assertThat(benPage.htmxGet("/chat/" + group + "/at/" + message.get("seq").asLong()).body()).contains("Ann Lee recalled a message");
        assertThat(benPage.get("/chat").body()).contains("A message was recalled");
    }

    @Test
    void peopleStartDirectChatsAndGroupsFromTheNewConversationPage() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        PageClient page = pages(ann);
        assertThat(page.get("/chat/new?q=Ben").body()).contains("Ben Chan").doesNotContain("value=\"" + ann.userId() + "\"");

        var refused = page.postAll("/chat/groups", List.of(Map.entry("name", ""),
                Map.entry("members", ben.userId())));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(count("select count(*) from msg_conversation where tenant_id = ?", tenantId(org))).isZero();

        var created = page.postAll("/chat/groups", List.of(Map.entry("name", "Night shift"),
                Map.entry("members", ben.userId())));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).contains("/chat/");
        assertThat(pages(ben).get(path(created.location())).body()).contains("Night shift");

        var direct = page.post("/chat/direct", Map.of("userId", ben.userId()));
        assertThat(direct.status()).isEqualTo(302);
        assertThat(page.post("/chat/direct", Map.of("userId", ben.userId())).location()).isEqualTo(direct.location());
    }

    @Test
    void otherOrganisationsAndNonMembersFindNothing() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        Person outsider = person(org, "Dan Ho");
        String group = group(ann, "Private", ben);
        long id = sendText(ann, group, "Board minutes").get("id").asLong();
        Org other = newOrganisation();
        Person stranger = person(other, "Eve Ng");

        for (PageClient page : List.of(pages(stranger), pages(outsider))) {
            assertThat(page.get("/chat/" + group).status()).isEqualTo(404);
            assertThat(page.get("/chat").body()).doesNotContain("Private", "Board minutes");
            assertThat(page.htmxGet("/chat/" + group + "/messages?after=0").status()).isEqualTo(404);
            assertThat(page.htmxGet("/chat/" + group + "/at/1").status()).isEqualTo(404);
            assertThat(page.htmxGet("/chat/" + group + "/receipts?ids=" + id).status()).isEqualTo(404);
            assertThat(page.htmxGet("/chat/" + group + "/messages/" + id + "/receipts").status()).isEqualTo(404);
            assertThat(page.htmxPost("/chat/" + group + "/messages", Map.of("text", "hi")).status()).isEqualTo(404);
            assertThat(page.htmxPost("/chat/" + group + "/messages/" + id + "/recall", Map.of()).status())
                    .isEqualTo(404);
        }
        assertThat(pages(stranger).post("/chat/direct", Map.of("userId", ann.userId())).status())
                .isEqualTo(400);
        assertThat(count("select count(*) from msg_conversation where tenant_id = ?", tenantId(other))).isZero();
        assertThat(history(ann, group)).hasSize(1);
        assertThat(pages(outsider).get("/chat/" + group).body()).contains("404");
    }

    /** What people wrote in the conversation, newest first (Lantau's own notices left out). */
    private static List<JsonNode> history(Person person, String conversationId) {
        JsonNode items = person.api().get("/api/v1/conversations/" + conversationId + "/messages").json()
                .path("items");
        List<JsonNode> messages = new java.util.ArrayList<>();
        items.forEach(m -> {
            if (m.path("author").path("kind").asText().equals("USER")) {
                messages.add(m);
            }
        });
        return messages;
    }

    private String path(String location) {
        return location.startsWith("http") ? location.substring(baseUrl().length()) : location;
    }
}
