package hk.lantau.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.dingtalk.api.DefaultDingTalkClient;
import com.dingtalk.api.request.OapiRobotSendRequest;
import com.dingtalk.api.response.OapiRobotSendResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.lantau.support.Api;
import hk.lantau.support.Polling;
import hk.lantau.support.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DingTalk's robot messages to an app: a person mentions the app's robot in the group the app
 * created, the app's message receiving address gets DingTalk's signed robot message, and the app
 * answers through the sessionWebhook with DingTalk's old SDK or in its HTTP answer. Refusals (an
 * expired session, another organisation's or app's token, a bad body) post nothing; groups without
 * the robot send nothing.
 */
class CompatRobotMessagesApiTest extends CompatApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebhookReceiver receiver = new WebhookReceiver();
    private Org org;
    private App app;
    private String owner;
    private String member;
    private Api memberSession;
    private String chatId;
    private String secret;

    @BeforeEach
    void organisation() {
        AppGroup group = appGroup();
        org = group.org();
        app = group.app();
        owner = group.owner();
        member = group.member();
        memberSession = group.memberSession();
        chatId = group.chatId();
        assertThat(org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "127.0.0.1")).status())
                .isEqualTo(201);
        var settings = org.admin().put("/api/v1/apps/" + app.id() + "/robot",
                Map.of("messageUrl", receiver.url("/robot")));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        secret = settings.json().get("signingSecret").asText();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aMentionReachesTheAppSignedAndItAnswersThroughTheSessionWithTheOldSdk() throws Exception {
        mention(chatId, "@Helpdesk where is the typhoon notice?", List.of(owner));
        WebhookReceiver.Received call = receiver.await(1, WAIT).get(0);
        assertThat(call.method()).isEqualTo("POST");
        String timestamp = call.header("timestamp");
        assertThat(Long.parseLong(timestamp)).isEqualTo(clock.millis());
        assertThat(call.header("sign")).isEqualTo(sign(timestamp, secret));
        JsonNode message = call.json();
        assertThat(message.get("conversationId").asText()).isEqualTo(chatId);
        assertThat(message.get("conversationType").asText()).isEqualTo("2");
        assertThat(message.get("conversationTitle").asText()).isEqualTo("Helpdesk");
        assertThat(message.get("robotCode").asText()).isEqualTo(app.appKey());
        assertThat(message.get("chatbotUserId").asText()).isEqualTo(app.appKey());
        assertThat(message.get("chatbotCorpId").asText()).isEqualTo(org.corpId());
        assertThat(message.get("msgtype").asText()).isEqualTo("text");
        assertThat(message.get("text").get("content").asText()).isEqualTo("@Helpdesk where is the typhoon notice?");
        assertThat(message.get("senderStaffId").asText()).isEqualTo(member);
        assertThat(message.get("senderNick").asText()).isEqualTo("Lee Mei");
        assertThat(message.get("senderCorpId").asText()).isEqualTo(org.corpId());
        assertThat(message.get("isAdmin").asBoolean()).isFalse();
        assertThat(message.get("isInAtList").asBoolean()).isTrue();
        assertThat(message.get("atUsers").findValuesAsText("staffId")).containsExactly(owner);
        assertThat(message.get("msgId").asText()).isNotBlank();
        assertThat(message.get("sessionWebhookExpiredTime").asLong() - message.get("createAt").asLong())
                .isEqualTo(Duration.ofMinutes(90).toMillis());
        String session = message.get("sessionWebhook").asText();
        assertThat(session).contains("/robot/sendBySession?session=");
        // The robot's own entry in atUsers has no staffId, as a robot has no userid; the people's are
        // compared. Lantau has no unionid apart from the userid (docs/compat.md).
        ObjectNode people = message.deepCopy();
        ((ArrayNode) people.get("atUsers")).remove(0);
        DocumentedAnswer.of(CompatFixtures.fixture("robot-message.event.json").get("http"))
                .absent("atUsers.unionId").assertCarriedBy(people);

        OapiRobotSendRequest reply = text("The notice is on the intranet.");
        OapiRobotSendRequest.At at = new OapiRobotSendRequest.At();
        at.setAtUserIds(List.of(member));
        reply.setAt(at);
        OapiRobotSendResponse answer = new DefaultDingTalkClient(localSession(session)).execute(reply);
        assertThat(answer.getErrcode()).as(answer.getBody()).isZero();
        JsonNode posted = newest();
        assertThat(posted.get("author").get("kind").asText()).isEqualTo("APP");
        assertThat(posted.get("author").get("id").asText()).isEqualTo(app.appKey());
        assertThat(posted.get("content").get("text").asText()).isEqualTo("The notice is on the intranet.");
        assertThat(posted.get("mentions").get(0).asText()).isEqualTo(member);

        var withToken = anonymous().withHeader("x-acs-dingtalk-access-token", token(app))
                .sendRaw("POST", sessionPath(session), "{\"msgtype\":\"text\",\"text\":{\"content\":\"Again\"}}",
                        "application/json");
        assertThat(withToken.json().get("errcode").asInt()).as(withToken.body()).isZero();
        assertThat(newest().get("content").get("text").asText()).isEqualTo("Again");
    }

    @Test
    void aMessageInTheAnswerIsPostedAsTheRobot() {
        receiver.answer(200, "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"Notice\",\"text\":\"**Office closed**\"}}");
        mention(chatId, "@Helpdesk is the office open?", List.of());
        receiver.await(1, WAIT);
        Polling.until("the robot's answer is posted", () -> "markdown".equals(newest().get("kind").asText()));
        JsonNode posted = newest();
        assertThat(posted.get("author").get("id").asText()).isEqualTo(app.appKey());
        assertThat(posted.get("content").get("title").asText()).isEqualTo("Notice");
    }

    @Test
    void refusedSessionCallsPostNothing() throws Exception {
        mention(chatId, "@Helpdesk hello", List.of());
        String session = receiver.await(1, WAIT).get(0).json().get("sessionWebhook").asText();
        long before = messages();

        Org other = newOrganisation();
        App stranger = register(other, "chat.write");
        assertThat(sendRaw(session, token(stranger), "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}")
                .get("errcode").asInt()).isEqualTo(300001);
        App sibling = register(org, "chat.write");
        assertThat(sendRaw(session, token(sibling), "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}")
                .get("errcode").asInt()).isEqualTo(300001);
        assertThat(sendRaw(session, "lat.not-a-token", "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}")
                .get("errcode").asInt()).isEqualTo(40014);
        assertThat(sendRaw(session, null, "not json").get("errcode").asInt()).isEqualTo(40035);
        assertThat(sendRaw(session, null, "{\"msgtype\":\"image\"}").get("errcode").asInt()).isEqualTo(400105);
        assertThat(sendRaw(session, null, "{\"msgtype\":\"text\",\"text\":{}}").get("errcode").asInt())
                .isEqualTo(40035);
        var wrongType = anonymous().sendRaw("POST", sessionPath(session), "{}", "text/plain");
        assertThat(wrongType.json().get("errcode").asInt()).isEqualTo(43004);
        assertThat(sendRaw(sessionPath(session).replace("session=", "session=x"), null, "{}")
                .get("errcode").asInt()).isEqualTo(300001);
        var noSession = anonymous().sendRaw("POST", "/robot/sendBySession", "{}", "application/json");
        assertThat(noSession.json().get("errcode").asInt()).isEqualTo(400101);
        assertThat(messages()).isEqualTo(before);

        clock.advance(Duration.ofMinutes(91));
        OapiRobotSendResponse expired = new DefaultDingTalkClient(localSession(session)).execute(text("Too late"));
        assertThat(expired.getErrcode()).isEqualTo(300001L);
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void theSessionKeepsTheRobotsRate() throws Exception {
        mention(chatId, "@Helpdesk count", List.of());
        String session = receiver.await(1, WAIT).get(0).json().get("sessionWebhook").asText();
        DefaultDingTalkClient client = new DefaultDingTalkClient(localSession(session));
        for (int i = 0; i < 20; i++) {
            assertThat(client.execute(text("n" + i)).getErrcode()).isZero();
        }
        long before = messages();
        assertThat(client.execute(text("one too many")).getErrcode()).isEqualTo(410100L);
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void groupsWithoutTheRobotSendNothing() {
        String peoples = signInAs(org, owner).post("/api/v1/conversations/groups",
                Map.of("name", "Lunch", "memberIds", List.of(member))).json().get("id").asText();
        mention(peoples, "@Helpdesk lunch?", List.of());
        App sibling = register(org, "chat.write");
        String siblingChat = createAppChat(token(sibling), owner, List.of(owner, member));
        mention(siblingChat, "@Helpdesk wrong group", List.of());
        var plain = memberSession.post("/api/v1/conversations/" + chatId + "/messages",
                Map.of("content", Map.of("kind", "text", "text", "no mention")));
        assertThat(plain.status()).isEqualTo(201);

        mention(chatId, "@Helpdesk the right group", List.of());
        receiver.await(1, WAIT);
        assertThat(receiver.received()).extracting(r -> r.json().get("conversationId").asText())
                .containsOnly(chatId);
    }

    @Test
    void theReceivingAddressIsCheckedAndOnlyForTheAppsAdmins() {
        String path = "/api/v1/apps/" + app.id() + "/robot";
        long audits = auditCount(org, "compat.robot.message_url_changed");
        var ftp = org.admin().put(path, Map.of("messageUrl", "ftp://example.com/robot"));
        assertThat(ftp.status()).isEqualTo(400);
        assertThat(ftp.json().get("errors").get(0).get("field").asText()).isEqualTo("messageUrl");
        var internal = org.admin().put(path, Map.of("messageUrl", "https://10.1.2.3/robot"));
        assertThat(internal.json().get("code").asText()).isEqualTo("openplatform.callback_internal");
        assertThat(auditCount(org, "compat.robot.message_url_changed")).isEqualTo(audits);
        assertThat(org.admin().get(path).json().get("messageUrl").asText()).isEqualTo(receiver.url("/robot"));

        Org other = newOrganisation();
        assertThat(other.admin().get(path).status()).isEqualTo(404);
        assertThat(other.admin().put(path, Map.of("messageUrl", "")).status()).isEqualTo(404);
        assertThat(memberSession.get(path).status()).isEqualTo(403);

        String oldSecret = secret;
        var reset = org.admin().post(path + "/reset-secret", Map.of());
        assertThat(reset.json().get("signingSecret").asText()).startsWith("SEC").isNotEqualTo(oldSecret);
        var cleared = org.admin().put(path, Map.of("messageUrl", ""));
        assertThat(cleared.json().path("messageUrl").asText(null)).isNull();
        assertThat(auditCount(org, "compat.robot.message_url_changed")).isEqualTo(audits + 1);
        assertThat(auditCount(org, "compat.robot.secret_reset")).isEqualTo(1);
    }

    private void mention(String conversationId, String text, List<String> people) {
        mentionRobot(memberSession, app, conversationId, text, people);
    }

    private JsonNode newest() {
        return memberSession.get("/api/v1/conversations/" + chatId + "/messages?limit=1").json().get("items").get(0);
    }

    private long messages() {
        return count("select count(*) from msg_message where tenant_id = ?", tenantId(org));
    }

    private JsonNode sendRaw(String sessionUrlOrPath, String token, String body) {
        Api api = token == null ? anonymous() : anonymous().withHeader("x-acs-dingtalk-access-token", token);
        String path = sessionUrlOrPath.startsWith("http") ? sessionPath(sessionUrlOrPath) : sessionUrlOrPath;
        return api.sendRaw("POST", path, body, "application/json").json();
    }

    private static OapiRobotSendRequest text(String content) {
        OapiRobotSendRequest request = new OapiRobotSendRequest();
        request.setMsgtype("text");
        OapiRobotSendRequest.Text text = new OapiRobotSendRequest.Text();
        text.setContent(content);
        request.setText(text);
        return request;
    }

    private static String sign(String timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }
}
