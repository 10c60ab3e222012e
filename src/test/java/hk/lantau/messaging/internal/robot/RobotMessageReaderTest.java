package hk.lantau.messaging.internal.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.lantau.messaging.MessageContent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobotMessageReaderTest {

    @Test
    void readsText() {
        RobotMessage message = read("""
                {"msgtype":"text","text":{"content":"Disk full @+85291234567"},
                 "at":{"atMobiles":["+85291234567"],"atUserIds":["mchan","mchan"," "],"isAtAll":false},
                 "msgUuid":"u-1"}""");
        assertThat(message.content()).isEqualTo(new MessageContent.Text("Disk full @+85291234567"));
        assertThat(message.atMobiles()).containsExactly("+85291234567");
        assertThat(message.atUserIds()).containsExactly("mchan");
        assertThat(message.atAll()).isFalse();
        assertThat(message.msgUuid()).isEqualTo("u-1");
    }

    @Test
    void readsTheOldSdksStringlyTypedValues() {
        RobotMessage message = read("""
                {"msgtype":"actionCard","actionCard":"{\\"title\\":\\"T\\",\\"text\\":\\"X\\",\\"btnOrientation\\":\\"1\\",\
                \\"btns\\":[{\\"title\\":\\"A\\",\\"actionURL\\":\\"https://a.example\\"}]}",
                 "at":{"atMobiles":"91234567, 92345678","isAtAll":"true"}}""");
        assertThat(message.content()).isEqualTo(new MessageContent.ActionCard("T", "X", null, null,
                List.of(new MessageContent.Button("A", "https://a.example")), true));
        assertThat(message.atMobiles()).containsExactly("91234567", "92345678");
        assertThat(message.atAll()).isTrue();
    }

    @Test
    void readsEveryType() {
        assertThat(read("{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"T\",\"text\":\"# X\"}}").content())
                .isEqualTo(new MessageContent.Markdown("T", "# X"));
        assertThat(read("""
                {"msgtype":"link","link":{"title":"T","text":"X","messageUrl":"https://m.example","picUrl":""}}""")
                .content()).isEqualTo(new MessageContent.Link("T", "X", "https://m.example", ""));
        assertThat(read("""
                {"msgtype":"actionCard","actionCard":{"title":"T","text":"X","singleTitle":"Open",
                 "singleURL":"https://s.example","btnOrientation":0}}""").content())
                .isEqualTo(new MessageContent.ActionCard("T", "X", "Open", "https://s.example", List.of(), false));
        RobotMessage feed = read("""
                {"msgtype":"feedCard","feedCard":{"links":[{"title":"A","messageURL":"https://a.example",
                 "picURL":"https://a.example/p.png"},{"title":"B","messageURL":"https://b.example"}]}}""");
        assertThat(feed.content()).isEqualTo(new MessageContent.FeedCard(List.of(
                new MessageContent.FeedLink("A", "https://a.example", "https://a.example/p.png"),
                new MessageContent.FeedLink("B", "https://b.example", null))));
        assertThat(feed.searchableText()).isEqualTo("A\nB");
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        for (String body : new String[] {"", "{", "[1]", "\"text\"", "null", "{\"msgtype\":\"text\",\"text\":"}) {
            refused(body, 40035, "missing json");
        }
    }

    @Test
    void refusesMissingFieldsAndUnknownTypes() {
        refused("{\"text\":{\"content\":\"x\"}}", 40035, "missing json: msgtype is required");
        refused("{\"msgtype\":\"text\",\"text\":{\"content\":\"  \"}}", 40035, "missing json: text.content is required");
        refused("{\"msgtype\":\"text\"}", 40035, "missing json: text is required");
        refused("{\"msgtype\":\"link\",\"link\":{\"title\":\"T\",\"text\":\"X\"}}", 40035,
                "missing json: link.messageUrl is required");
        refused("{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"T\",\"text\":\"X\"}}", 40035,
                "missing json: actionCard needs singleTitle and singleURL, or btns");
        refused("{\"msgtype\":\"feedCard\",\"feedCard\":{\"links\":[]}}", 40035,
                "missing json: feedCard.links is required");
        refused("{\"msgtype\":\"image\",\"image\":{\"picURL\":\"x\"}}", 400105, "unsupported msgtype");
        refused("{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"},\"msgUuid\":\"" + "u".repeat(65) + "\"}", 40035,
                "missing json: msgUuid must have 1 to 64 characters");
    }

    @Test
    void refusesAMessageOverTwentyThousandBytes() {
        String fits = "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + "字".repeat(6000) + "\"}}";
        assertThat(fits.getBytes(StandardCharsets.UTF_8).length).isLessThan(20000);
        read(fits);
        String tooLong = "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + "字".repeat(7000) + "\"}}";
        refused(tooLong, 430104, "message too long, exceed 20000 bytes");
        assertThatThrownBy(() -> RobotMessageReader.read(new byte[10], true))
                .isInstanceOfSatisfying(RobotRefusal.class, r -> assertThat(r.errcode()).isEqualTo(430104));
    }

    @Test
    void keepsAtMostFiftyMentions() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            ids.append(i == 0 ? "" : ",").append("\"u").append(i).append('"');
        }
        RobotMessage message = read("{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"},\"at\":{\"atUserIds\":["
                + ids + "]}}");
        assertThat(message.atUserIds()).hasSize(50).startsWith("u0");
    }

    private static RobotMessage read(String json) {
        return RobotMessageReader.read(json.getBytes(StandardCharsets.UTF_8), false);
    }

    private static void refused(String json, int errcode, String errmsg) {
        assertThatThrownBy(() -> read(json)).as(json).isInstanceOfSatisfying(RobotRefusal.class, r -> {
            assertThat(r.errcode()).isEqualTo(errcode);
            assertThat(r.getMessage()).isEqualTo(errmsg);
        });
    }
}
