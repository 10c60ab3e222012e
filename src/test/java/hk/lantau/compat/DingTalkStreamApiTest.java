package hk.lantau.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dingtalk.open.app.api.OpenDingTalkClient;
import com.dingtalk.open.app.api.callback.OpenDingTalkCallbackListener;
import com.dingtalk.open.app.api.message.GenericOpenDingTalkEvent;
import com.dingtalk.open.app.stream.protocol.event.EventAckStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.lantau.compat.internal.events.DingTalkEvent;
import hk.lantau.compat.internal.stream.StreamCallbacks;
import hk.lantau.support.Api;
import hk.lantau.support.Polling;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import shade.com.alibaba.fastjson2.JSONObject;

/**
 * DingTalk's Stream mode through DingTalk's own Java client and, for what the client hides (frames,
 * acks, pings, limits), a raw WebSocket client.
 */
class DingTalkStreamApiTest extends DingTalkStreamApiTestSupport {

    @Autowired
    StreamCallbacks callbacks;

    @Autowired
    ApplicationContext context;

    @Test
    void theClientReceivesAnEventAndAcknowledgesIt() throws Exception {
        Org org = newOrganisation();
        App app = register(org, "user.read");
        BlockingQueue<GenericOpenDingTalkEvent> received = new LinkedBlockingQueue<>();
        OpenDingTalkClient client = start(sdk(app).registerAllEventListener(collecting(received, EventAckStatus.SUCCESS)));
        try {
            awaitConnected(app);
            DingTalkEvent event = raise(org, "user_add_org", Map.of("userId", List.of("chan.taiman")));

            GenericOpenDingTalkEvent got = received.poll(60, TimeUnit.SECONDS);
            assertThat(got).as("event delivered").isNotNull();
            assertThat(got.getEventId()).isEqualTo(event.eventId());
            assertThat(got.getEventType()).isEqualTo("user_add_org");
            assertThat(got.getEventCorpId()).isEqualTo(org.corpId());
            assertThat(got.getEventUnifiedAppId()).isEqualTo(app.appKey());
            assertThat(got.getEventBornTime()).isEqualTo(event.bornAt().toEpochMilli());
            assertThat(got.getData().getJSONArray("userId")).containsExactly("chan.taiman");
            Polling.until("the acknowledged message leaves the queue", () -> queued(app) == 0);
        } finally {
            stop(client);
        }
    }

    @Test
    void changesMadeThroughTheApiReachTheClient() throws Exception {
        Org org = newOrganisation();
        App app = register(org, "user.read", "department.read");
        BlockingQueue<GenericOpenDingTalkEvent> received = new LinkedBlockingQueue<>();
        OpenDingTalkClient client = start(sdk(app).registerAllEventListener(collecting(received, EventAckStatus.SUCCESS)));
        try {
            awaitConnected(app);
            long deptId = createDepartment(org.admin(), "Treasury", 1L);
            String userId = createUser(org.admin(), "Chan Tai Man", deptId);

            GenericOpenDingTalkEvent department = next(received, "org_dept_create");
            assertThat(department.getData().getJSONArray("deptId").getLong(0)).isEqualTo(deptId);
            assertThat(department.getEventCorpId()).isEqualTo(org.corpId());
            GenericOpenDingTalkEvent person = next(received, "user_add_org");
            assertThat(person.getData().getJSONArray("userId")).containsExactly(userId);
            Polling.until("both acknowledged", () -> queued(app) == 0);
        } finally {
            stop(client);
        }
    }

    @Test
    void laterIsDeliveredAgainAfterTheWindow() throws Exception {
        Org org = newOrganisation();
        App app = register(org, "department.read");
        BlockingQueue<GenericOpenDingTalkEvent> received = new LinkedBlockingQueue<>();
        AtomicInteger calls = new AtomicInteger();
        OpenDingTalkClient client = start(sdk(app).registerAllEventListener(event -> {
            received.add(event);
            return calls.incrementAndGet() == 1 ? EventAckStatus.LATER : EventAckStatus.SUCCESS;
        }));
        try {
            awaitConnected(app);
            DingTalkEvent event = raise(org, "org_dept_create", Map.of("deptId", List.of(7)));
            assertThat(received.poll(60, TimeUnit.SECONDS).getEventId()).isEqualTo(event.eventId());
            assertThat(queued(app)).as("LATER keeps the message").isEqualTo(1);

            clock.advance(seconds(61));
            GenericOpenDingTalkEvent again = received.poll(60, TimeUnit.SECONDS);
            assertThat(again).as("sent again after the window").isNotNull();
            assertThat(again.getEventId()).isEqualTo(event.eventId());
            Polling.until("the second answer acknowledges it", () -> queued(app) == 0);
        } finally {
            stop(client);
        }
    }

    @Test
    void framesCarryDingTalksHeadersAndAnUnackedMessageComesAgain() throws Exception {
        Org org = newOrganisation();
        App app = register(org, "approval.read");
        JsonNode ticket = ticket(app, allEvents());
        assertThat(ticket.get("endpoint").asText()).matches("wss://127\\.0\\.0\\.1:\\d+/connect");
        RawClient raw = RawClient.connect(ticket);
        try {
            DingTalkEvent event = raise(org, "bpms_instance_change", Map.of("processInstanceId", "p-1", "type", "start"));
            JsonNode frame = JSON.readTree(raw.next("EVENT"));
            assertThat(frame.get("specVersion").asText()).isEqualTo("1.0");
            JsonNode headers = frame.get("headers");
            assertThat(headers.get("topic").asText()).isEqualTo("bpms_instance_change");
            assertThat(headers.get("contentType").asText()).isEqualTo("application/json");
            assertThat(headers.get("time").asText()).isEqualTo(Long.toString(clock.instant().toEpochMilli()));
            assertThat(headers.get("eventId").asText()).isEqualTo(event.eventId());
            assertThat(headers.get("eventBornTime").asText()).isEqualTo(Long.toString(event.bornAt().toEpochMilli()));
            assertThat(headers.get("eventCorpId").asText()).isEqualTo(org.corpId());
            assertThat(headers.get("eventType").asText()).isEqualTo("bpms_instance_change");
            assertThat(headers.get("eventUnifiedAppId").asText()).isEqualTo(app.appKey());
            assertThat(JSON.readTree(frame.get("data").asText()).get("processInstanceId").asText()).isEqualTo("p-1");
            String messageId = headers.get("messageId").asText();

            clock.advance(seconds(61));
            JsonNode again = JSON.readTree(raw.next("EVENT"));
            assertThat(again.get("headers").get("messageId").asText()).isEqualTo(messageId);
            raw.send(ack(messageId, "SUCCESS"));
            Polling.until("acknowledged", () -> queued(app) == 0);
        } finally {
            raw.close();
        }
    }

    @Test
    void whatAClosedConnectionDidNotAcknowledgeGoesToTheNextOne() throws Exception {
        Org org = newOrganisation();
        App app = register(org, "user.read");
        RawClient raw = rawClient(app);
        DingTalkEvent event = raise(org, "user_leave_org", Map.of("userId", List.of("wong.siu")));
        raw.next("EVENT");
        raw.close();
        raw.closed.get(60, TimeUnit.SECONDS);

        BlockingQueue<GenericOpenDingTalkEvent> received = new LinkedBlockingQueue<>();
        OpenDingTalkClient client = start(sdk(app).registerAllEventListener(collecting(received, EventAckStatus.SUCCESS)));
        try {
            GenericOpenDingTalkEvent got = received.poll(60, TimeUnit.SECONDS);
            assertThat(got).as("delivered again after reconnecting").isNotNull();
            assertThat(got.getEventId()).isEqualTo(event.eventId());
            Polling.until("acknowledged", () -> queued(app) == 0);
        } finally {
            stop(client);
        }
    }

    @Test
    void aTicketOpensOneConnectionOnceAndExpires() {
        Org org = newOrganisation();
        App app = register(org, "user.read");
        JsonNode ticket = ticket(app, allEvents());
        String endpoint = ticket.get("endpoint").asText();
        RawClient raw = RawClient.connect(endpoint, ticket.get("ticket").asText());
        try {
            assertRefused(endpoint, ticket.get("ticket").asText());
        } finally {
            raw.close();
        }
        JsonNode late = ticket(app, allEvents());
        clock.advance(seconds(121));
        assertRefused(endpoint, late.get("ticket").asText());
        assertRefused(endpoint, "not-a-ticket");
    }

    @Test
    void theDocumentedOpeningAnswersATicket() {
        Org org = newOrganisation();
        App app = register(org, "user.read");
        JsonNode request = CompatFixtures.fixture("stream-connections-open.request.json");
        ObjectNode body = request.get("json").deepCopy();
        body.put("clientId", app.appKey()).put("clientSecret", app.secret());
        // By IP address, as open(...) calls: the test certificate covers 127.0.0.1.
        Api.Response opened = new Api("http://127.0.0.1:" + port, null).sendRaw("POST", request.get("path").asText(),
                body.toString(), request.get("contentType").asText());
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        DocumentedAnswer.of("stream-connections-open.response.json").assertCarriedBy(opened.json());
        RawClient raw = RawClient.connect(opened.json().get("endpoint").asText(), opened.json().get("ticket").asText());
        raw.close();
    }

    @Test
    void wrongCredentialsAndBadSubscriptionsAreRefused() {
        Org org = newOrganisation();
        App app = register(org, "user.read");

        Api.Response wrongSecret = open(app.appKey(), "not-the-secret", allEvents());
        assertThat(wrongSecret.status()).isEqualTo(400);
        assertThat(wrongSecret.json().get("code").asText()).isEqualTo("invalidClientIdOrSecret");
        assertThat(wrongSecret.json().has("requestid")).isTrue();
        assertThat(open("ding0000000000000000", app.secret(), allEvents()).json().get("code").asText())
                .isEqualTo("invalidClientIdOrSecret");

        Api.Response none = open(app.appKey(), app.secret(), List.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("code").asText()).isEqualTo("MissingParameter");
        Api.Response badType = open(app.appKey(), app.secret(), List.of(Map.of("type", "PUSH", "topic", "*")));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("code").asText()).isEqualTo("invalidParameter");
        assertThat(jdbc.sql("select count(*) from cpt_stream_app where app_id = :appId").param("appId", app.id())
                .query(Long.class).single()).as("a refused opening records nothing").isZero();
    }

    @Test
    void disablingTheAppDisconnectsIt() {
        Connected connected = connected();

        assertThat(connected.admin().post(connected.appPath() + "/disable", Map.of()).status()).isEqualTo(200);

        connected.raw().disconnected();
        assertOpenRefused(connected.app().appKey(), connected.app().secret());
    }

    @Test
    void revokingTheSecretDisconnectsAndTheOldSecretOpensNothing() {
        Connected connected = connected();
        long secretId = connected.admin().get(connected.appPath() + "/secrets").json().get(0).get("id").asLong();

        var revoked = connected.admin().post(connected.appPath() + "/secrets/" + secretId + "/revoke", Map.of());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        connected.raw().disconnected();
        assertOpenRefused(connected.app().appKey(), connected.app().secret());
    }

    @Test
    void aNewSecretWithoutGraceDisconnectsAndOnlyTheNewOneOpens() {
        Connected connected = connected();

        var issued = connected.admin().post(connected.appPath() + "/secrets", Map.of("graceDays", 0));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);

        connected.raw().disconnected();
        App app = connected.app();
        assertOpenRefused(app.appKey(), app.secret());
        assertThat(open(app.appKey(), issued.json().get("value").asText(), allEvents()).status()).isEqualTo(200);
    }

    @Test
    void aNewSecretWithGraceKeepsTheConnection() throws Exception {
        Org org = newOrganisation();
        App app = register(org, "user.read");
        RawClient raw = rawClient(app);

        var issued = org.admin().post("/api/v1/apps/" + app.id() + "/secrets", Map.of("graceDays", 7));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);

        try {
            DingTalkEvent event = raise(org, "user_add_org", Map.of("userId", List.of("ho.kin")));
            JsonNode frame = JSON.readTree(raw.next("EVENT"));
            assertThat(frame.get("headers").get("eventId").asText()).as("still delivered").isEqualTo(event.eventId());
            assertThat(raw.closed).isNotDone();
            assertThat(open(app.appKey(), app.secret(), allEvents()).status()).as("the old secret in its grace")
                    .isEqualTo(200);
        } finally {
            raw.close();
        }
    }

    @Test
    void stoppingTheServerDisconnectsEveryClientAndKeepsWhatWasNotAcknowledged() throws Exception {
        Org org = newOrganisation();
        App app = register(org, "user.read");
        App other = register(org, "department.read");
        RawClient raw = rawClient(app);
        RawClient otherRaw = rawClient(other);
        DingTalkEvent event = raise(org, "user_add_org", Map.of("userId", List.of("mak.wing")));
        String messageId = JSON.readTree(raw.next("EVENT")).get("headers").get("messageId").asText();

        SmartLifecycle shutdown = context.getBean("streamShutdown", SmartLifecycle.class);
        shutdown.stop();
        try {
            raw.disconnected();
            otherRaw.disconnected();
            Polling.until("the unacknowledged message is due again", () -> jdbc.sql(
                    "select count(*) from cpt_stream_message where app_id = :appId and sent_on is null")
                    .param("appId", app.id()).query(Long.class).single() == 1);
        } finally {
            shutdown.start();
        }

        RawClient again = rawClient(app);
        try {
            JsonNode frame = JSON.readTree(again.next("EVENT"));
            assertThat(frame.get("headers").get("messageId").asText()).isEqualTo(messageId);
            assertThat(frame.get("headers").get("eventId").asText()).isEqualTo(event.eventId());
            again.send(ack(messageId, "SUCCESS"));
            Polling.until("acknowledged", () -> queued(app) == 0);
        } finally {
            again.close();
        }
    }

    @Test
    void eventsStayInTheirOrganisationAndNeedTheAppsScopeAndSubscription() throws Exception {
        Org org = newOrganisation();
        Org other = newOrganisation();
        App mine = register(org, "user.read");
        App theirs = register(other, "user.read", "department.read");
        App deptOnly = register(org, "department.read");
        App narrow = register(org, "user.read", "department.read");
        App never = register(org, "user.read");
        RawClient mineRaw = rawClient(mine);
        RawClient theirRaw = rawClient(theirs);
        ticket(deptOnly, allEvents());
        ticket(narrow, List.of(Map.of("type", "EVENT", "topic", "org_dept_create")));
        try {
            raise(org, "user_add_org", Map.of("userId", List.of("lee.ka")));
            String messageId = JSON.readTree(mineRaw.next("EVENT")).get("headers").get("messageId").asText();
            assertThat(queued(theirs)).as("another organisation's app").isZero();
            assertThat(queued(deptOnly)).as("an app without user.read").isZero();
            assertThat(queued(narrow)).as("an app subscribed to other topics").isZero();
            assertThat(queued(never)).as("an app that never opened a connection").isZero();

            theirRaw.send(ack(messageId, "SUCCESS"));
            raise(other, "org_dept_create", Map.of("deptId", List.of(2)));
            theirRaw.next("EVENT");
            assertThat(queued(mine)).as("another organisation's ack deletes nothing").isEqualTo(1);

            raise(org, "org_dept_create", Map.of("deptId", List.of(3)));
            assertThat(queued(deptOnly)).isEqualTo(1);
            assertThat(queued(narrow)).isEqualTo(1);
        } finally {
            mineRaw.close();
            theirRaw.close();
        }
    }

    @Test
    void pingsAreEchoedAndWebSocketPingsAnswered() throws Exception {
        Org org = newOrganisation();
        App app = register(org, "user.read");
        RawClient raw = rawClient(app);
        try {
            JsonNode ping = JSON.readTree(raw.next("SYSTEM\",\"headers\":{\"topic\":\"ping"));
            assertThat(JSON.readTree(ping.get("data").asText()).has("opaque")).isTrue();
            raw.send(JSON.writeValueAsString(Map.of("code", 200, "message", "OK",
                    "headers", Map.of("messageId", ping.get("headers").get("messageId").asText()),
                    "data", ping.get("data").asText())));

            raw.socket.sendPing(ByteBuffer.wrap("still-there".getBytes(StandardCharsets.UTF_8))).join();
            assertThat(raw.pongs.poll(60, TimeUnit.SECONDS)).isEqualTo("still-there");
            assertThat(raw.closed).isNotDone();
        } finally {
            raw.close();
        }
    }

    @Test
    void aFrameOverTheLimitClosesTheConnection() throws Exception {
        Org org = newOrganisation();
        App app = register(org, "user.read");
        RawClient raw = rawClient(app);
        raw.send("{\"code\":200,\"data\":\"" + "x".repeat(300 * 1024) + "\"}");
        assertThat(raw.closed.get(60, TimeUnit.SECONDS)).isEqualTo(1009);
    }

    @Test
    void aCallbackReachesTheAppsConnectionAndReturnsItsResponse() throws Exception {
        Org org = newOrganisation();
        App app = register(org, "chat.write");
        BlockingQueue<JSONObject> requests = new LinkedBlockingQueue<>();
        OpenDingTalkClient client = start(sdk(app).registerCallbackListener("/v1.0/im/bot/messages/get",
                new OpenDingTalkCallbackListener<JSONObject, String>() {
                    @Override
                    public String execute(JSONObject request) {
                        requests.add(request);
                        return "received " + request.getString("msgId");
                    }
                }));
        try {
            long tenantId = tenantId(org);
            AtomicReference<CompletableFuture<String>> reply = new AtomicReference<>();
            Polling.until("the client connected", () -> {
                callbacks.push(tenantId, app.id(), "/v1.0/im/bot/messages/get",
                        Map.of("msgId", "m-1", "text", Map.of("content", "hello"))).ifPresent(reply::set);
                return reply.get() != null;
            });
            assertThat(reply.get().get(60, TimeUnit.SECONDS)).isEqualTo("received m-1");
            assertThat(requests.poll().getJSONObject("text").getString("content")).isEqualTo("hello");
            assertThat(callbacks.push(tenantId(newOrganisation()), app.id(), "/v1.0/im/bot/messages/get",
                    Map.of("msgId", "m-2"))).as("another organisation reaches no connection").isEmpty();
            assertThat(callbacks.push(tenantId, app.id(), "/v1.0/card/instances/callback", Map.of()))
                    .as("a topic it did not subscribe to").isEmpty();
        } finally {
            stop(client);
        }
    }

    /** The next event of this type the client received, skipping others, within a minute (the machine may be busy). */
    private static GenericOpenDingTalkEvent next(BlockingQueue<GenericOpenDingTalkEvent> received, String type)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            GenericOpenDingTalkEvent event = received.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && type.equals(event.getEventType())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event arrived");
    }

    private void assertRefused(String endpoint, String ticket) {
        assertThatThrownBy(() -> RawClient.attempt(endpoint, ticket).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
    }

    /** An app of a new organisation with a raw client connected, and the organisation's admin. */
    private record Connected(Api admin, App app, RawClient raw) {

        String appPath() {
            return "/api/v1/apps/" + app.id();
        }
    }

    private Connected connected() {
        Org org = newOrganisation();
        App app = register(org, "user.read");
        return new Connected(org.admin(), app, rawClient(app));
    }

    private void assertOpenRefused(String appKey, String secret) {
        Api.Response refused = open(appKey, secret, allEvents());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("invalidClientIdOrSecret");
    }

    private long queued(App app) {
        return jdbc.sql("select count(*) from cpt_stream_message where app_id = :appId").param("appId", app.id())
                .query(Long.class).single();
    }

    /** Waits until the client opened a connection, so events raised from now on are queued for it. */
    private void awaitConnected(App app) {
        Polling.until("the client opened a connection", () -> jdbc.sql(
                "select count(*) from cpt_stream_app where app_id = :appId")
                .param("appId", app.id()).query(Long.class).single() == 1);
    }

    private static String ack(String messageId, String status) throws Exception {
        return JSON.writeValueAsString(Map.of("code", 200, "message", "OK",
                "headers", Map.of("messageId", messageId, "contentType", "application/json"),
                "data", JSON.writeValueAsString(Map.of("status", status))));
    }
}
