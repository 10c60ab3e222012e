package hk.lantau.compat.internal.robot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.compat.internal.stream.StreamCallbacks;
import hk.lantau.compliance.SecretSealing;
import hk.lantau.messaging.Chat;
import hk.lantau.messaging.ConversationInfo;
import hk.lantau.messaging.MemberRole;
import hk.lantau.messaging.RobotCall;
import hk.lantau.messaging.RobotReply;
import hk.lantau.messaging.RobotWebhook;
import hk.lantau.messaging.RobotsMentioned;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.OutboundAnswer;
import hk.lantau.openplatform.OutboundCalls;
import hk.lantau.tenant.Organisations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a mention of an app's robot to the app as DingTalk's robot message, after the message is
 * committed, on a small pool of its own. Only the app that created the group is in it (DingTalk's
 * group robot), and only text messages are sent. In HTTP mode the body is POSTed to the app's message
 * receiving address with DingTalk's {@code timestamp} and {@code sign} headers; a message in the
 * answer's body is posted back as the robot. A robot without an address is in Stream mode: the body
 * is pushed as a CALLBACK frame on {@code /v1.0/im/bot/messages/get} to the app's connection on this
 * node, and a message in the client's response is posted back the same way. There is one attempt
 * with the webhook timeout and no retry: a robot message is a conversation turn, stale minutes later.
 */
@Component
class RobotMessageDelivery implements DisposableBean {

    /** The answer read back: a little over the robot protocol's 20,000-byte limit. */
    static final int ANSWER_LIMIT = 20_001;
    static final String BOT_MESSAGE_TOPIC = "/v1.0/im/bot/messages/get";
    private static final Logger log = LoggerFactory.getLogger(RobotMessageDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RobotSessionService sessions;
    private final AppRobotRepository rows;
    private final Apps apps;
    private final Chat chat;
    private final Organisations organisations;
    private final OutboundCalls outbound;
    private final RobotWebhook webhook;
    private final SecretSealing sealing;
    private final JdbcClient jdbc;
    private final StreamCallbacks stream;
    private final Clock clock;
    private final Duration timeout;
    private final String sessionBase;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 8, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), r -> {
                Thread thread = new Thread(r, "robot-messages");
                thread.setDaemon(true);
                return thread;
            });

    RobotMessageDelivery(RobotSessionService sessions, AppRobotRepository rows, Apps apps, Chat chat,
                         Organisations organisations, OutboundCalls outbound, RobotWebhook webhook,
                         SecretSealing sealing, JdbcClient jdbc, StreamCallbacks stream, Clock clock,
                         @Value("${lantau.base-url}") String baseUrl,
                         @Value("${lantau.openplatform.delivery-timeout:3s}") Duration timeout) {
        this.sessions = sessions;
        this.rows = rows;
        this.apps = apps;
        this.chat = chat;
        this.organisations = organisations;
        this.outbound = outbound;
        this.webhook = webhook;
        this.sealing = sealing;
        this.jdbc = jdbc;
        this.stream = stream;
        this.clock = clock;
        this.timeout = timeout;
        this.sessionBase = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + "/robot/sendBySession?session=";
    }

    @TransactionalEventListener
    void mentioned(RobotsMentioned event) {
        if (event.text() == null) {
            return;
        }
        try {
            pool.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            log.warn("Robot message for message {} dropped: too many waiting", event.messageId());
        }
    }

    private void deliver(RobotsMentioned event) {
        try {
            Optional<AppView> app = groupApp(event.tenantId(), event.conversationId())
                    .filter(a -> a.active() && event.robots().contains(a.appKey()));
            if (app.isPresent()) {
                send(event, app.get());
            }
        } catch (RuntimeException e) {
            log.warn("Robot message for message {} failed", event.messageId(), e);
        }
    }

    /**
     * HTTP mode when the robot has a message receiving address, else Stream mode when a connection of
     * the app on this node takes robot messages; with neither the message is dropped, as a failed POST is.
     */
    private void send(RobotsMentioned event, AppView app) {
        AppRobotRepository.Settings settings = rows.settings(event.tenantId(), app.id()).orElse(null);
        if (settings != null && settings.messageUrl() != null && settings.secretSealed() != null) {
            overHttp(event, app, settings);
        } else if (stream.listening(event.tenantId(), app.id(), BOT_MESSAGE_TOPIC)) {
            overStream(event, app);
        } else {
            log.info("App {} has no message receiving address and no Stream connection here taking robot "
                    + "messages; the robot message for message {} is dropped", app.id(), event.messageId());
        }
    }

    private void overHttp(RobotsMentioned event, AppView app, AppRobotRepository.Settings settings) {
        Map<String, Object> payload = payload(event, app);
        String timestamp = Long.toString(clock.millis());
        String secret = sealing.open(AppRobotService.purpose(app.id()), settings.secretSealed());
        OutboundAnswer answer = outbound.postJson(event.tenantId(), settings.messageUrl(),
                Map.of("timestamp", timestamp, "sign", sign(timestamp, secret)), bytes(payload), ANSWER_LIMIT);
        if (!answer.ok()) {
            log.info("App {} did not take the robot message for message {}: {}", app.id(), event.messageId(),
                    answer.failure() != null ? answer.failure() : "HTTP " + answer.status());
            return;
        }
        reply(event, app, answer.body(), answer.body() != null && answer.body().endsWith("…"));
    }

    /** The CALLBACK frame's answer is the HTTP answer's body: its {@code response} may be the robot's reply. */
    private void overStream(RobotsMentioned event, AppView app) {
        Optional<CompletableFuture<String>> pushed = stream.push(event.tenantId(), app.id(), BOT_MESSAGE_TOPIC,
                payload(event, app));
        if (pushed.isEmpty()) {
            log.info("App {}'s Stream connection closed before the robot message for message {}; dropped",
                    app.id(), event.messageId());
            return;
        }
        try {
            reply(event, app, pushed.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.info("App {} did not take the robot message for message {} over Stream: {}", app.id(),
                    event.messageId(), e instanceof TimeoutException ? "no answer in time" : e.getCause().getMessage());
        }
    }

    private Map<String, Object> payload(RobotsMentioned event, AppView app) {
        ConversationInfo group = chat.conversation(event.tenantId(), event.conversationId()).orElseThrow();
        boolean admin = chat.role(event.tenantId(), event.conversationId(), event.senderId())
                .filter(role -> role != MemberRole.MEMBER).isPresent();
        RobotSessionService.Issued session = sessions.issue(event.tenantId(), app.id(), event.conversationId());
        return RobotMessagePayload.of(event, app, new RobotMessagePayload.Context(
                organisations.get(event.tenantId()).corpId(), group.name(), admin,
                sessionBase + session.session(), session.expiresAt().toEpochMilli()));
    }

    /** A message in the answer's body is the robot's reply; an empty answer or one without msgtype is none. */
    private void reply(RobotsMentioned event, AppView app, String body, boolean cutOff) {
        if (body == null || body.isBlank() || !hasMsgtype(body)) {
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        RobotReply reply = webhook.sendAs(sessions.sender(event.tenantId(), app, event.conversationId()),
                new RobotCall(null, null, null, "application/json", bytes, cutOff, null));
        if (!reply.ok()) {
            log.info("Reply of app {} in its answer refused: {} {}", app.id(), reply.errcode(), reply.errmsg());
        }
    }

    private Optional<AppView> groupApp(long tenantId, String conversationId) {
        return jdbc.sql("select app_id from cpt_app_chat where tenant_id = ? and conversation_id = ?")
                .params(tenantId, conversationId).query(Long.class).optional()
                .flatMap(appId -> apps.find(tenantId, appId));
    }

    /** DingTalk's signature of robot messages: Base64(HmacSHA256(secret, timestamp + "\n" + secret)). */
    static String sign(String timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean hasMsgtype(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() && node.hasNonNull("msgtype");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static byte[] bytes(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
