package hk.lantau.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.dingtalk.open.app.api.OpenDingTalkClient;
import com.dingtalk.open.app.api.OpenDingTalkStreamClientBuilder;
import com.dingtalk.open.app.api.callback.DingTalkStreamTopics;
import com.dingtalk.open.app.api.callback.OpenDingTalkCallbackListener;
import com.dingtalk.open.app.api.chatbot.BotReplier;
import com.dingtalk.open.app.api.models.bot.ChatbotMessage;
import com.dingtalk.open.app.api.models.bot.MentionUser;
import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.compat.internal.stream.StreamCallbacks;
import hk.lantau.support.Api;
import hk.lantau.support.Polling;
import hk.lantau.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import shade.com.alibaba.fastjson2.JSONObject;

/**
 * Robot messages to an app whose robot has no message receiving address: DingTalk's Java Stream
 * client registered for {@code /v1.0/im/bot/messages/get} receives the mention as a
 * {@code ChatbotMessage}, and the message it returns, or sends through the sessionWebhook with the
 * client's own {@code BotReplier}, is posted in the group as the robot.
 */
@ExtendWith(OutputCaptureExtension.class)
class CompatRobotStreamApiTest extends DingTalkStreamApiTestSupport {

    @Autowired
    StreamCallbacks callbacks;

    private AppGroup group;
    private App app;

    @BeforeEach
    void organisation() {
        group = appGroup();
        app = group.app();
    }

    @Test
    void theClientReceivesTheMentionAndItsReplyIsPostedAsTheRobot() throws Exception {
        BlockingQueue<ChatbotMessage> received = new LinkedBlockingQueue<>();
        OpenDingTalkClient client = start(replying(app, received));
        try {
            awaitListening(group.org(), app);
            long messageId = mentionRobot(group.memberSession(), app, group.chatId(),
                    "@Helpdesk where is the typhoon notice?", List.of(group.owner()));

            ChatbotMessage message = received.poll(60, TimeUnit.SECONDS);
            assertThat(message).as("robot message delivered").isNotNull();
            assertThat(message.getConversationId()).isEqualTo(group.chatId());
            assertThat(message.getConversationType()).isEqualTo("2");
            assertThat(message.getConversationTitle()).isEqualTo("Helpdesk");
            assertThat(message.getMsgId()).isEqualTo(Long.toString(messageId));
            assertThat(message.getMsgtype()).isEqualTo("text");
            assertThat(message.getText().getContent()).isEqualTo("@Helpdesk where is the typhoon notice?");
            assertThat(message.getSenderStaffId()).isEqualTo(group.member());
            assertThat(message.getSenderId()).isEqualTo(group.member());
            assertThat(message.getSenderNick()).isEqualTo("Lee Mei");
            assertThat(message.getSenderCorpId()).isEqualTo(group.org().corpId());
            assertThat(message.getChatbotCorpId()).isEqualTo(group.org().corpId());
            assertThat(message.getChatbotUserId()).isEqualTo(app.appKey());
            assertThat(message.getAtUsers()).extracting(MentionUser::getStaffId).contains(group.owner());
            assertThat(message.getSessionWebhookExpiredTime() - message.getCreateAt())
                    .isEqualTo(Duration.ofMinutes(90).toMillis());

            Polling.until("the client's reply is posted as the robot",
                    () -> app.appKey().equals(newest().get("author").get("id").asText()));
            JsonNode reply = newest();
            assertThat(reply.get("author").get("kind").asText()).isEqualTo("APP");
            assertThat(reply.get("content").get("text").asText())
                    .isEqualTo("Reply to @Helpdesk where is the typhoon notice?");

            String answer = BotReplier.fromWebhook(localSession(message.getSessionWebhook()))
                    .replyText("The notice is on the intranet.");
            assertThat(JSON.readTree(answer).get("errcode").asInt()).as(answer).isZero();
            assertThat(newest().get("content").get("text").asText()).isEqualTo("The notice is on the intranet.");
        } finally {
            stop(client);
        }
    }

    @Test
    void withoutAConnectionTheMessageIsDroppedAndLaterMentionsArrive(CapturedOutput output) throws Exception {
        long dropped = mentionRobot(group.memberSession(), app, group.chatId(), "@Helpdesk anyone there?", List.of());
        Polling.until("the message is dropped",
                () -> output.getOut().contains("the robot message for message " + dropped + " is dropped"));
        assertThat(sessions(app)).as("no session is issued for a dropped message").isZero();

        BlockingQueue<ChatbotMessage> received = new LinkedBlockingQueue<>();
        OpenDingTalkClient client = start(replying(app, received));
        try {
            awaitListening(group.org(), app);
            long later = mentionRobot(group.memberSession(), app, group.chatId(), "@Helpdesk now?", List.of());
            ChatbotMessage message = received.poll(60, TimeUnit.SECONDS);
            assertThat(message).as("the later mention").isNotNull();
            assertThat(message.getMsgId()).as("the dropped one is not queued").isEqualTo(Long.toString(later));
            assertThat(sessions(app)).isEqualTo(1);
        } finally {
            stop(client);
        }
    }

    @Test
    void anotherOrganisationsAppNeverReceivesIt() throws Exception {
        Org other = newOrganisation();
        App theirs = register(other, "chat.write");
        BlockingQueue<ChatbotMessage> mine = new LinkedBlockingQueue<>();
        BlockingQueue<ChatbotMessage> their = new LinkedBlockingQueue<>();
        OpenDingTalkClient mineClient = start(replying(app, mine));
        OpenDingTalkClient theirClient = start(replying(theirs, their));
        try {
            awaitListening(group.org(), app);
            awaitListening(other, theirs);
            var sent = group.memberSession().post("/api/v1/conversations/" + group.chatId() + "/messages",
                    Map.of("content", Map.of("kind", "text", "text", "@Helpdesk @Theirs hello"),
                            "mentionRobots", List.of(theirs.appKey(), app.appKey())));
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);

            assertThat(mine.poll(60, TimeUnit.SECONDS)).as("the group's own app").isNotNull();
            assertThat(their).as("another organisation's app named in the same message").isEmpty();
            assertThat(sessions(theirs)).isZero();
        } finally {
            stop(mineClient);
            stop(theirClient);
        }
    }

    @Test
    void aRobotWithAnAddressStaysInHttpMode() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver();
        BlockingQueue<ChatbotMessage> received = new LinkedBlockingQueue<>();
        OpenDingTalkClient client = start(replying(app, received));
        try {
            Api admin = group.org().admin();
            assertThat(admin.post("/api/v1/webhooks/allowed-hosts", Map.of("host", "127.0.0.1")).status())
                    .isEqualTo(201);
            assertThat(admin.put("/api/v1/apps/" + app.id() + "/robot",
                    Map.of("messageUrl", receiver.url("/robot"))).status()).isEqualTo(200);
            awaitListening(group.org(), app);
            long messageId = mentionRobot(group.memberSession(), app, group.chatId(), "@Helpdesk by HTTP", List.of());

            assertThat(receiver.await(1, Duration.ofSeconds(20)).get(0).json().get("msgId").asText())
                    .isEqualTo(Long.toString(messageId));
            assertThat(received).as("not also over Stream").isEmpty();
        } finally {
            stop(client);
            receiver.close();
        }
    }

    /** DingTalk's client for the app, taking robot messages and answering each with a text reply. */
    private OpenDingTalkStreamClientBuilder replying(App robot, BlockingQueue<ChatbotMessage> into) {
        return sdk(robot).registerCallbackListener(DingTalkStreamTopics.BOT_MESSAGE_TOPIC,
                new OpenDingTalkCallbackListener<ChatbotMessage, JSONObject>() {
                    @Override
                    public JSONObject execute(ChatbotMessage message) {
                        into.add(message);
                        return JSONObject.of("msgtype", "text",
                                "text", JSONObject.of("content", "Reply to " + message.getText().getContent()));
                    }
                });
    }

    /** Waits until the client's connection, subscribed to robot messages, is open on this server. */
    private void awaitListening(Org organisation, App robot) {
        long tenantId = tenantId(organisation);
        Polling.until("the client connected", () -> callbacks.listening(tenantId, robot.id(),
                DingTalkStreamTopics.BOT_MESSAGE_TOPIC));
    }

    private JsonNode newest() {
        return group.memberSession().get("/api/v1/conversations/" + group.chatId() + "/messages?limit=1").json()
                .get("items").get(0);
    }

    private long sessions(App robot) {
        return jdbc.sql("select count(*) from cpt_robot_session where app_id = :appId").param("appId", robot.id())
                .query(Long.class).single();
    }
}
