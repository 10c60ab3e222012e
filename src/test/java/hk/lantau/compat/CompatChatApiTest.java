package hk.lantau.compat;

import static hk.lantau.compat.CompatFixtures.fixture;
import static hk.lantau.compat.CompatFixtures.names;
import static hk.lantau.compat.CompatFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.dingtalkrobot_1_0.Client;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendHeaders;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendRequest;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendResponse;
import com.aliyun.tea.TeaException;
import com.aliyun.teautil.models.RuntimeOptions;
import com.dingtalk.api.request.OapiChatCreateRequest;
import com.dingtalk.api.request.OapiChatGetRequest;
import com.dingtalk.api.request.OapiChatSendRequest;
import com.dingtalk.api.response.OapiChatCreateResponse;
import com.dingtalk.api.response.OapiChatGetResponse;
import com.dingtalk.api.response.OapiChatSendResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.support.Api;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DingTalk's group chat API and the robots' group messages through the official SDKs: a group the
 * app creates for people, read and posted in as the app, DingTalk's shapes (checked against the
 * documentation's examples), and every refusal with nothing changed, groups of people, of another
 * app and of another organisation included.
 */
class CompatChatApiTest extends CompatApiTestSupport {

    private Org org;
    private App app;
    private String token;
    private String owner;
    private String member;
    private Api memberSession;

    @BeforeEach
    void organisation() {
        org = newOrganisation();
        owner = createUser(org.admin(), "Chan Tai Man", 1L);
        member = createUser(org.admin(), "Lee Mei", 1L);
        memberSession = signInAs(org, member);
        app = register(org, "chat.write");
        token = token(app);
    }

    @Test
    void anAppCreatesAGroupReadsItAndPostsInIt() {
        long audits = auditCount(org, "compat.chat.created");
        OapiChatCreateResponse created = create(token, "Project Typhoon", owner, List.of(owner, member));
        assertThat(created.isSuccess()).as(created.getBody()).isTrue();
        String chatId = created.getChatid();
        assertThat(created.getOpenConversationId()).isEqualTo(chatId);
        assertThat(created.getConversationTag()).isEqualTo(2L);
        assertThat(auditCount(org, "compat.chat.created")).isEqualTo(audits + 1);
        JsonNode group = memberSession.get("/api/v1/conversations/" + chatId).json();
        assertThat(group.get("kind").asText()).isEqualTo("GROUP");
        assertThat(group.get("ownerId").asText()).isEqualTo(owner);

        OapiChatGetResponse read = get(token, chatId);
        assertThat(read.isSuccess()).as(read.getBody()).isTrue();
        OapiChatGetResponse.ChatInfo info = read.getChatInfo();
        assertThat(info.getName()).isEqualTo("Project Typhoon");
        assertThat(info.getOwner()).isEqualTo(owner);
        assertThat(info.getUseridlist()).containsExactlyInAnyOrder(owner, member);
        assertThat(info.getAgentidlist()).containsExactly(Long.toString(app.id()));
        assertThat(info.getStatus()).isEqualTo(1L);
        var documentedGet = sendDocumented("chat-get.request.json", token, Map.of("chatid", chatId));
        assertThat(documentedGet.json().get("errcode").asInt()).as(documentedGet.body()).isZero();
        // Lantau's groups have no icon (docs/compat.md).
        DocumentedAnswer.of("chat-get.response.json").absent("chat_info.icon").assertCarriedBy(documentedGet.json());
        Set<String> documented = names(fixture("chat-get.response.json").get("chat_info"));
        documented.addAll(List.of("agentidlist", "status")); // in the SDK's model, not in the example
        assertThat(names(parse(read.getBody()).get("chat_info"))).isSubsetOf(documented);

        OapiChatSendResponse sent = send(token, chatId, "Typhoon signal No. 8: the office closes at 15:00.");
        assertThat(sent.isSuccess()).as(sent.getBody()).isTrue();
        assertThat(names(parse(sent.getBody()))).containsAll(names(fixture("chat-send.response.json")));
        JsonNode message = newest(chatId);
        assertThat(message.get("id").asText()).isEqualTo(sent.getMessageId());
        assertThat(message.get("author").get("kind").asText()).isEqualTo("APP");
        assertThat(message.get("author").get("id").asText()).isEqualTo(app.appKey());
        assertThat(message.get("content").get("text").asText()).startsWith("Typhoon signal");

        var documentedCreate = sendDocumented("chat-create.request.json", token, Map.of("owner", owner,
                "useridlist", List.of(owner, member)));
        assertThat(documentedCreate.json().get("errcode").asInt()).as(documentedCreate.body()).isZero();
        DocumentedAnswer.of("chat-create.response.json").assertCarriedBy(documentedCreate.json());
        assertThat(get(token, documentedCreate.json().get("chatid").asText()).getChatInfo().getName())
                .isEqualTo("全员群");

        JsonNode documentedSend = fixture("chat-send.request.json");
        Map<String, Object> sample = new ObjectMapper().convertValue(documentedSend.get("json"), Map.class);
        sample.put("chatid", chatId);
        var answer = anonymous().post(documentedSend.get("path").asText() + "?access_token=" + token, sample);
        assertThat(answer.json().get("errcode").asInt()).as(answer.body()).isZero();
        assertThat(newest(chatId).get("content").get("text").asText()).isEqualTo("请于本月底提交月度工作报告。");
    }

    @Test
    void theRobotPostsInTheAppsGroupThroughTheTeaSdk() throws Exception {
        String chatId = create(token, "Alerts", owner, List.of(member)).getChatid();
        OrgGroupSendResponse response = new Client(teaConfig()).orgGroupSendWithOptions(new OrgGroupSendRequest()
                        .setRobotCode(app.appKey()).setOpenConversationId(chatId).setMsgKey("sampleActionCard6")
                        .setMsgParam("{\"title\":\"Disk full\",\"text\":\"**db-1** at 95%\",\"buttonTitle1\":\"Ack\","
                                + "\"buttonUrl1\":\"https://ops.example.hk/ack\",\"buttonTitle2\":\"Open\","
                                + "\"buttonUrl2\":\"https://ops.example.hk/db-1\"}"),
                headers(token), new RuntimeOptions());
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode message = newest(chatId);
        assertThat(response.getBody().getProcessQueryKey()).isEqualTo(message.get("id").asText());
        assertThat(message.get("content").get("kind").asText()).isEqualTo("actionCard");
        assertThat(message.get("content").get("horizontal").asBoolean()).isTrue();
        assertThat(message.get("content").get("buttons")).hasSize(2);

        JsonNode documented = fixture("robot-groupsend.request.json");
        Map<String, Object> sample = new ObjectMapper().convertValue(documented.get("json"), Map.class);
        sample.put("robotCode", app.appKey());
        sample.put("openConversationId", chatId);
        var answer = anonymous().withHeader("x-acs-dingtalk-access-token", token)
                .post(documented.get("path").asText(), sample);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(names(answer.json())).isEqualTo(names(fixture("robot-groupsend.response.json")));
        assertThat(newest(chatId).get("content").get("text").asText()).isEqualTo("钉钉，让进步发生");

        // msgParam as a JSON object rather than a string holding one.
        sample.put("msgParam", Map.of("content", "As an object"));
        var asObject = anonymous().withHeader("x-acs-dingtalk-access-token", token)
                .post(documented.get("path").asText(), sample);
        assertThat(asObject.status()).as(asObject.body()).isEqualTo(200);
        assertThat(newest(chatId).get("content").get("text").asText()).isEqualTo("As an object");
    }

    @Test
    void groupsTheAppDidNotCreateDoNotExistForIt() throws Exception {
        String ours = create(token, "Ours", owner, List.of(member)).getChatid();
        var peoples = signInAs(org, owner).post("/api/v1/conversations/groups",
                json("name", "People's own", "memberIds", List.of(member)));
        String peoplesGroup = peoples.json().get("id").asText();
        App other = register(org, "chat.write");
        String theirs = create(token(other), "Theirs", owner, List.of(member)).getChatid();
        Org elsewhere = newOrganisation();
        String foreignOwner = createUser(elsewhere.admin(), "Wong Siu Ming", 1L);
        String foreignToken = token(register(elsewhere, "chat.write"));
        String foreign = create(foreignToken, "Foreign", foreignOwner, List.of(foreignOwner)).getChatid();

        long messages = messages();
        for (String chatId : List.of(peoplesGroup, theirs, foreign, "cidNoSuchGroup")) {
            assertThat(get(token, chatId).getErrcode()).as(chatId).isEqualTo(40016L);
            assertThat(send(token, chatId, "hello").getErrcode()).as(chatId).isEqualTo(40016L);
            assertThatThrownBy(() -> groupSend(token, chatId)).isInstanceOfSatisfying(TeaException.class,
                    e -> assertThat(e.getCode()).isEqualTo("invalid.openConversationId"));
        }
        assertThat(get(foreignToken, ours).getErrcode()).isEqualTo(40016L);
        assertThat(messages()).isEqualTo(messages);
    }

    @Test
    void refusedCallsAnswerDingTalksCodesAndChangeNothing() throws Exception {
        String chatId = create(token, "Ours", owner, List.of(member)).getChatid();
        long groups = groups();
        long messages = messages();

        assertThat(create(token, "Nobody's", "nobody", List.of(member)).getErrcode()).isEqualTo(400002L);
        assertThat(create(token, "Strangers", owner, List.of("stranger")).getErrcode()).isEqualTo(400002L);
        assertThat(create(token, "", owner, List.of(member)).getErrcode()).isEqualTo(40035L);
        assertThat(postJson("/chat/create", token, "{\"name\":\"No members\",\"owner\":\"" + owner + "\"}")
                .json().get("errmsg").asText()).isEqualTo("缺少参数 useridlist");
        assertThat(postJson("/chat/create", token, "{\"name\":").json().get("errcode").asInt()).isEqualTo(43009);
        String reader = token(register(org, "notification.send"));
        assertThat(create(reader, "No scope", owner, List.of(member)).getErrcode()).isEqualTo(60011L);
        assertThat(create(null, "No token", owner, List.of(member)).getErrcode()).isEqualTo(41001L);
        assertThat(get("lat.not-a-token", chatId).getErrcode()).isEqualTo(40014L);
        assertThat(raw("GET", "/chat/get", "access_token=lat.not-a-token&chatid=" + chatId,
                "application/x-www-form-urlencoded").json().get("errcode").asInt()).as("a GET's form body").isEqualTo(40014);
        assertThat(groups()).isEqualTo(groups);

        assertThat(raw("GET", "/chat/get?access_token=" + token, null, null).json().get("errcode").asInt())
                .isEqualTo(49000);
        assertThat(send(reader, chatId, "no scope").getErrcode()).isEqualTo(60011L);
        assertThat(send(token, chatId, "").getErrcode()).isEqualTo(400002L);
        assertThat(postJson("/chat/send", token, "{\"chatid\":\"" + chatId + "\",\"msg\":{\"msgtype\":\"voice\","
                + "\"voice\":{\"media_id\":\"m\",\"duration\":10}}}").json().get("errcode").asInt()).isEqualTo(400002);
        assertThatThrownBy(() -> new Client(teaConfig()).orgGroupSendWithOptions(new OrgGroupSendRequest()
                        .setRobotCode(app.appKey()).setOpenConversationId(chatId).setMsgKey("sampleText")
                        .setMsgParam("{\"text\":\"wrong key\"}"), headers(token), new RuntimeOptions()))
                .isInstanceOfSatisfying(TeaException.class,
                        e -> assertThat(e.getCode()).isEqualTo("invalidParameter.msgParam.invalid"));
        assertThat(messages()).isEqualTo(messages);

        signInAs(org, owner).delete("/api/v1/conversations/" + chatId);
        assertThat(get(token, chatId).getChatInfo().getStatus()).isEqualTo(2L);
        assertThat(send(token, chatId, "after the end").getErrcode()).isEqualTo(400002L);
        assertThatThrownBy(() -> groupSend(token, chatId)).isInstanceOfSatisfying(TeaException.class,
                e -> assertThat(e.getCode()).isEqualTo("group.disbanded"));
        assertThat(messages()).isEqualTo(messages + 1); // the dismissal's own notice
    }

    private long groups() {
        return count("select count(*) from msg_conversation where tenant_id = ?", tenantId(org));
    }

    private long messages() {
        return count("select count(*) from msg_message where tenant_id = ?", tenantId(org));
    }

    private JsonNode newest(String chatId) {
        return memberSession.get("/api/v1/conversations/" + chatId + "/messages?limit=1").json().get("items").get(0);
    }

    private OrgGroupSendResponse groupSend(String token, String chatId) throws Exception {
        return new Client(teaConfig()).orgGroupSendWithOptions(new OrgGroupSendRequest().setRobotCode(app.appKey())
                        .setOpenConversationId(chatId).setMsgKey("sampleText").setMsgParam("{\"content\":\"hi\"}"),
                headers(token), new RuntimeOptions());
    }

    private static OrgGroupSendHeaders headers(String token) {
        OrgGroupSendHeaders headers = new OrgGroupSendHeaders();
        headers.setXAcsDingtalkAccessToken(token);
        return headers;
    }

    private OapiChatCreateResponse create(String token, String name, String owner, List<String> members) {
        OapiChatCreateRequest request = new OapiChatCreateRequest();
        request.setName(name);
        request.setOwner(owner);
        request.setUseridlist(members);
        return call("/chat/create", request, token);
    }

    private OapiChatGetResponse get(String token, String chatId) {
        OapiChatGetRequest request = new OapiChatGetRequest();
        request.setChatid(chatId);
        return call("/chat/get", request, token);
    }

    private OapiChatSendResponse send(String token, String chatId, String text) {
        OapiChatSendRequest request = new OapiChatSendRequest();
        request.setChatid(chatId);
        OapiChatSendRequest.Msg msg = new OapiChatSendRequest.Msg();
        msg.setMsgtype("text");
        OapiChatSendRequest.Text content = new OapiChatSendRequest.Text();
        content.setContent(text);
        msg.setText(content);
        request.setMsg(msg);
        return call("/chat/send", request, token);
    }
}
