package hk.lantau.compat;

import static hk.lantau.compat.CompatFixtures.fixture;
import static hk.lantau.compat.CompatFixtures.names;
import static hk.lantau.compat.CompatFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.dingtalkrobot_1_0.Client;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOHeaders;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTORequest;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOResponse;
import com.aliyun.tea.TeaException;
import com.aliyun.teautil.models.RuntimeOptions;
import com.dingtalk.api.request.OapiMessageCorpconversationAsyncsendV2Request;
import com.dingtalk.api.request.OapiMessageCorpconversationAsyncsendV2Request.BtnJsonList;
import com.dingtalk.api.request.OapiMessageCorpconversationAsyncsendV2Request.Msg;
import com.dingtalk.api.request.OapiMessageCorpconversationGetsendprogressRequest;
import com.dingtalk.api.request.OapiMessageCorpconversationGetsendresultRequest;
import com.dingtalk.api.request.OapiMessageCorpconversationRecallRequest;
import com.dingtalk.api.response.OapiMessageCorpconversationAsyncsendV2Response;
import com.dingtalk.api.response.OapiMessageCorpconversationGetsendprogressResponse;
import com.dingtalk.api.response.OapiMessageCorpconversationGetsendresultResponse;
import com.dingtalk.api.response.OapiMessageCorpconversationRecallResponse;
import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.Polling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DingTalk's work notifications and the robots' one-to-one messages through the official SDKs:
 * sent as the app, delivered to people's notification lists, progress, results and recall in
 * DingTalk's shapes (checked against the documentation's examples), and every refusal with
 * nothing sent, another organisation's and another app's tasks included.
 */
class CompatNotificationsApiTest extends CompatApiTestSupport {

    private Org org;
    private App app;
    private String token;
    private String mei;
    private Api meiSession;

    @BeforeEach
    void organisation() {
        org = newOrganisation();
        mei = createUser(org.admin(), "Lee Mei", 1L);
        meiSession = signInAs(org, mei);
        app = register(org, "notification.send");
        token = token(app);
    }

    @Test
    void aNotificationIsSentProgressesAndIsReadAndRecalledThroughTheOldSdk() {
        OapiMessageCorpconversationAsyncsendV2Response sent = send(token, app.id(), mei + ",nobody", text("Fire drill"));
        assertThat(sent.isSuccess()).as(sent.getBody()).isTrue();
        long taskId = sent.getTaskId();
        assertThat(names(parse(sent.getBody()))).isSubsetOf(withErrmsg(fixture("message-asyncsend.response.json")));
        DocumentedAnswer.of("message-asyncsend.response.json").assertCarriedBy(parse(sent.getBody()));

        OapiMessageCorpconversationGetsendprogressResponse progress = awaitDone(token, app.id(), taskId);
        assertThat(progress.getProgress().getProgressInPercent()).isEqualTo(100L);
        assertThat(names(parse(progress.getBody()).get("progress")))
                .isEqualTo(names(fixture("message-getsendprogress.response.json").get("progress")));

        JsonNode inbox = meiSession.get("/api/v1/me/notifications").json().get("items").get(0);
        assertThat(inbox.get("content").get("text").asText()).isEqualTo("Fire drill");
        assertThat(inbox.get("sender").get("kind").asText()).isEqualTo("APP");
        OapiMessageCorpconversationGetsendresultResponse.AsyncSendResult result = result(token, app.id(), taskId);
        assertThat(result.getUnreadUserIdList()).containsExactly(mei);
        assertThat(result.getInvalidUserIdList()).containsExactly("nobody");
        assertThat(result.getReadUserIdList()).isNullOrEmpty();

        meiSession.post("/api/v1/me/notifications/" + inbox.get("id").asLong() + "/read", Map.of());
        OapiMessageCorpconversationGetsendresultResponse read = resultResponse(token, app.id(), taskId);
        assertThat(read.getSendResult().getReadUserIdList()).containsExactly(mei);
        Set<String> documented = names(fixture("message-getsendresult.response.json").get("send_result"));
        documented.add("forbidden_user_id_list"); // in the SDK's model, not in the example
        assertThat(names(parse(read.getBody()).get("send_result"))).isSubsetOf(documented);
        DocumentedAnswer.of("message-getsendresult.response.json").assertCarriedBy(parse(read.getBody()));

        OapiMessageCorpconversationRecallResponse recalled = recall(token, app.id(), taskId);
        assertThat(recalled.isSuccess()).as(recalled.getBody()).isTrue();
        assertThat(meiSession.get("/api/v1/me/notifications").json().get("items")).isEmpty();
        assertThat(auditCount(org, "messaging.notification.recalled")).isEqualTo(1);
    }

    @Test
    void dingTalksMessageTypesBecomeLantausContent() {
        Msg card = new Msg();
        card.setMsgtype("action_card");
        var actionCard = new OapiMessageCorpconversationAsyncsendV2Request.ActionCard();
        actionCard.setTitle("Leave request");
        actionCard.setMarkdown("Chan Tai Man asks for **2 days**");
        actionCard.setBtnOrientation("1");
        actionCard.setBtnJsonList(List.of(button("Approve", "https://hr.example.hk/a"),
                button("Reject", "https://hr.example.hk/r")));
        card.setActionCard(actionCard);
        awaitDone(token, app.id(), send(token, app.id(), mei, card).getTaskId());

        Msg oa = new Msg();
        oa.setMsgtype("oa");
        var oaCard = new OapiMessageCorpconversationAsyncsendV2Request.OA();
        oaCard.setMessageUrl("https://hr.example.hk/leave/7");
        var head = new OapiMessageCorpconversationAsyncsendV2Request.Head();
        head.setText("HR");
        oaCard.setHead(head);
        var body = new OapiMessageCorpconversationAsyncsendV2Request.Body();
        body.setTitle("Leave approved");
        var form = new OapiMessageCorpconversationAsyncsendV2Request.Form();
        form.setKey("Days:");
        form.setValue("2");
        body.setForm(List.of(form));
        body.setAuthor("HR portal");
        oaCard.setBody(body);
        oa.setOa(oaCard);
        awaitDone(token, app.id(), send(token, app.id(), mei, oa).getTaskId());

        JsonNode items = meiSession.get("/api/v1/me/notifications").json().get("items");
        JsonNode link = items.get(0).get("content");
        assertThat(link.get("kind").asText()).isEqualTo("link");
        assertThat(link.get("title").asText()).isEqualTo("Leave approved");
        assertThat(link.get("text").asText()).isEqualTo("Days: 2\nHR portal");
        assertThat(link.get("messageUrl").asText()).isEqualTo("https://hr.example.hk/leave/7");
        JsonNode buttons = items.get(1).get("content");
        assertThat(buttons.get("kind").asText()).isEqualTo("actionCard");
        assertThat(buttons.get("horizontal").asBoolean()).isTrue();
        assertThat(buttons.get("buttons").get(1).get("url").asText()).isEqualTo("https://hr.example.hk/r");
    }

    @Test
    void theDocumentedFormRequestsWork() {
        JsonNode request = fixture("message-asyncsend.request.json");
        // The documented sample with this app's agent_id; its userids and departments are not this organisation's.
        String form = "access_token=" + token + "&" + request.get("body").asText().replace("agent_id=123",
                "agent_id=" + app.id());
        var sent = raw("POST", request.get("path").asText(), form, request.get("contentType").asText());
        assertThat(sent.json().get("errcode").asInt()).as(sent.body()).isZero();
        long taskId = sent.json().get("task_id").asLong();
        awaitDone(token, app.id(), taskId);

        for (String name : List.of("message-getsendprogress", "message-getsendresult")) {
            JsonNode documented = fixture(name + ".request.json");
            var answer = raw("POST", documented.get("path").asText(), "access_token=" + token + "&agent_id=" + app.id()
                    + "&task_id=" + taskId, documented.get("contentType").asText());
            assertThat(answer.json().get("errcode").asInt()).as(answer.body()).isZero();
            assertThat(names(answer.json())).containsAll(names(fixture(name + ".response.json")));
        }
        var result = raw("POST", "/topapi/message/corpconversation/getsendresult", "access_token=" + token
                + "&agent_id=" + app.id() + "&task_id=" + taskId, "application/x-www-form-urlencoded");
        assertThat(result.json().get("send_result").get("invalid_user_id_list").toString())
                .isEqualTo("[\"123\",\"456\"]");

        JsonNode recall = fixture("message-recall.request.json");
        var recalled = raw("POST", recall.get("path").asText(), "access_token=" + token + "&agent_id=" + app.id()
                + "&msg_task_id=" + taskId, recall.get("contentType").asText());
        assertThat(names(recalled.json())).containsAll(names(fixture("message-recall.response.json")));
        assertThat(recalled.json().get("errcode").asInt()).isZero();
    }

    @Test
    void refusedSendsAnswerDingTalksCodesAndSendNothing() {
        long before = tasks();
        assertThat(send(null, app.id(), mei, text("x")).getSubCode()).isEqualTo("40000");
        assertThat(send("lat.not-a-token", app.id(), mei, text("x")).getSubCode()).isEqualTo("40014");
        String reader = token(register(org, "user.read"));
        OapiMessageCorpconversationAsyncsendV2Response noScope = send(reader, app.id(), mei, text("x"));
        assertThat(noScope.getErrcode()).isEqualTo(88L);
        assertThat(noScope.getSubCode()).isEqualTo("60011");
        assertThat(send(token, app.id() + 1, mei, text("x")).getErrcode()).isEqualTo(400002L);

        Msg image = new Msg();
        image.setMsgtype("image");
        image.setImage(new OapiMessageCorpconversationAsyncsendV2Request.Image());
        assertThat(send(token, app.id(), mei, image).getErrcode()).isEqualTo(400002L);
        Msg untyped = new Msg();
        assertThat(send(token, app.id(), mei, untyped).getErrmsg()).isEqualTo("缺少参数 msg.msgtype");
        assertThat(send(token, app.id(), mei, text(" ")).getErrcode()).isEqualTo(400002L);

        String path = "/topapi/message/corpconversation/asyncsend_v2";
        assertThat(postJson(path, token, "{\"agent_id\":\"" + app.id() + "\",\"userid_list\":\"" + mei + "\"}")
                .json().get("errmsg").asText()).isEqualTo("缺少参数 msg");
        assertThat(postJson(path, token, "{\"agent_id\":\"" + app.id() + "\",\"userid_list\":\"" + mei
                + "\",\"msg\":[1]}").json().get("errmsg").asText()).isEqualTo("不合法的参数 msg");
        assertThat(postJson(path, token, "{\"agent_id\":\"seven\",\"msg\":{}}").json().get("errmsg").asText())
                .isEqualTo("不合法的参数 agent_id");
        assertThat(postJson(path, token, "{\"agent_id\":").json().get("errcode").asInt()).isEqualTo(43009);
        assertThat(send(token, app.id(), "", text("nobody at all")).getErrcode()).isEqualTo(400002L);
        assertThat(tasks()).isEqualTo(before);
    }

    @Test
    void tasksOfAnotherAppOrOrganisationDoNotExist() {
        long taskId = send(token, app.id(), mei, text("Payslips are out")).getTaskId();
        awaitDone(token, app.id(), taskId);
        App other = register(org, "notification.send");
        String otherToken = token(other);
        Org elsewhere = newOrganisation();
        App foreign = register(elsewhere, "notification.send");
        String foreignToken = token(foreign);

        for (var caller : List.of(Map.entry(otherToken, other.id()), Map.entry(foreignToken, foreign.id()))) {
            assertThat(progress(caller.getKey(), caller.getValue(), taskId).getErrcode()).isEqualTo(400002L);
            assertThat(resultResponse(caller.getKey(), caller.getValue(), taskId).getErrcode()).isEqualTo(400002L);
            assertThat(recall(caller.getKey(), caller.getValue(), taskId).getErrcode()).isEqualTo(400002L);
        }
        assertThat(progress(token, app.id(), 0).getErrcode()).isEqualTo(400002L);
        assertThat(meiSession.get("/api/v1/me/notifications").json().get("items")).hasSize(1);
        assertThat(count("select count(*) from msg_notice_task where tenant_id = ? and recalled_at is not null",
                tenantId(org))).isZero();
    }

    @Test
    void anotherOrganisationsPeopleAndDepartmentsAreNeverReached() throws Exception {
        Org elsewhere = newOrganisation();
        String stranger = createUser(elsewhere.admin(), "Wong Siu Ming", 1L);
        long theirDepartment = createDepartment(elsewhere.admin(), "Their finance", 1L);
        Api strangerSession = signInAs(elsewhere, stranger);

        var request = new OapiMessageCorpconversationAsyncsendV2Request();
        request.setAgentId(app.id());
        request.setUseridList(mei + "," + stranger);
        request.setDeptIdList(Long.toString(theirDepartment));
        request.setMsg(text("Only for us"));
        long taskId = call("/topapi/message/corpconversation/asyncsend_v2", request, token).getTaskId();
        awaitDone(token, app.id(), taskId);
        var result = result(token, app.id(), taskId);
        assertThat(result.getInvalidUserIdList()).containsExactly(stranger);
        assertThat(result.getInvalidDeptIdList()).containsExactly(theirDepartment);
        assertThat(result.getUnreadUserIdList()).containsExactly(mei);

        BatchSendOTOResponse robot = new Client(teaConfig()).batchSendOTOWithOptions(new BatchSendOTORequest()
                        .setRobotCode(app.appKey()).setUserIds(List.of(stranger)).setMsgKey("sampleText")
                        .setMsgParam("{\"content\":\"Only for us\"}"), headers(token), new RuntimeOptions());
        assertThat(robot.getBody().getInvalidStaffIdList()).containsExactly(stranger);
        awaitDone(token, app.id(), Long.parseLong(robot.getBody().getProcessQueryKey()));
        assertThat(strangerSession.get("/api/v1/me/notifications").json().get("items")).isEmpty();
    }

    @Test
    void theRobotsOneToOneMessagesAreWorkNotificationsFromTheApp() throws Exception {
        Client client = new Client(teaConfig());
        BatchSendOTOResponse response = client.batchSendOTOWithOptions(new BatchSendOTORequest()
                        .setRobotCode(app.appKey()).setUserIds(List.of(mei, "ghost")).setMsgKey("sampleMarkdown")
                        .setMsgParam("{\"text\": \"hello **text**\",\"title\": \"hello title\"}"),
                headers(token), new RuntimeOptions());
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody().getInvalidStaffIdList()).containsExactly("ghost");
        assertThat(response.getBody().getFlowControlledStaffIdList()).isEmpty();
        long taskId = Long.parseLong(response.getBody().getProcessQueryKey());
        awaitDone(token, app.id(), taskId);
        JsonNode content = meiSession.get("/api/v1/me/notifications").json().get("items").get(0).get("content");
        assertThat(content.get("kind").asText()).isEqualTo("markdown");
        assertThat(content.get("title").asText()).isEqualTo("hello title");

        JsonNode documented = fixture("robot-batchsend.request.json").get("json");
        Map<String, Object> sample = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(documented,
                Map.class);
        sample.put("robotCode", app.appKey());
        sample.put("userIds", List.of(mei));
        var raw = anonymous().withHeader("x-acs-dingtalk-access-token", token)
                .post("/v1.0/robot/oToMessages/batchSend", sample);
        assertThat(raw.status()).as(raw.body()).isEqualTo(200);
        assertThat(raw.json().get("invalidStaffIdList")).isEmpty();
        assertThat(names(raw.json())).isEqualTo(names(fixture("robot-batchsend.response.json")));
    }

    @Test
    void refusedRobotMessagesAnswerTheNewFamilysCodesAndSendNothing() throws Exception {
        long before = tasks();
        Client client = new Client(teaConfig());
        List<String> twentyOne = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            twentyOne.add("u" + i);
        }
        record Case(String code, BatchSendOTORequest request, String token) {
        }
        String text = "{\"content\":\"hi\"}";
        List<Case> cases = List.of(
                new Case("invalidParameter.robotCode.notExsit", new BatchSendOTORequest().setRobotCode("dingother")
                        .setUserIds(List.of(mei)).setMsgKey("sampleText").setMsgParam(text), token),
                new Case("invalidParameter.robotCode.empty", new BatchSendOTORequest()
                        .setUserIds(List.of(mei)).setMsgKey("sampleText").setMsgParam(text), token),
                new Case("invalidParameter.userIds.overMax", new BatchSendOTORequest().setRobotCode(app.appKey())
                        .setUserIds(twentyOne).setMsgKey("sampleText").setMsgParam(text), token),
                new Case("invalidParameter.msgKey.invalid", new BatchSendOTORequest().setRobotCode(app.appKey())
                        .setUserIds(List.of(mei)).setMsgKey("sampleNothing").setMsgParam(text), token),
                new Case("invalidParameter.msgKey.invalid", new BatchSendOTORequest().setRobotCode(app.appKey())
                        .setUserIds(List.of(mei)).setMsgKey("sampleImageMsg")
                        .setMsgParam("{\"photoURL\":\"https://x.example/p.png\"}"), token),
                new Case("invalidParameter.msgParam.invalid", new BatchSendOTORequest().setRobotCode(app.appKey())
                        .setUserIds(List.of(mei)).setMsgKey("sampleText").setMsgParam("content=hi"), token),
                new Case("invalidParameter.msgParam.invalid", new BatchSendOTORequest().setRobotCode(app.appKey())
                        .setUserIds(List.of(mei)).setMsgKey("sampleLink").setMsgParam("{\"title\":\"t\"}"), token),
                new Case("InvalidAuthentication", new BatchSendOTORequest().setRobotCode(app.appKey())
                        .setUserIds(List.of(mei)).setMsgKey("sampleText").setMsgParam(text), "lat.nothing"),
                new Case("Forbidden.AccessDenied.AccessTokenPermissionDenied", new BatchSendOTORequest()
                        .setRobotCode(app.appKey()).setUserIds(List.of(mei)).setMsgKey("sampleText")
                        .setMsgParam(text), token(register(org, "chat.write"))));
        for (Case c : cases) {
            assertThatThrownBy(() -> client.batchSendOTOWithOptions(c.request(), headers(c.token()),
                    new RuntimeOptions())).as(c.code()).isInstanceOfSatisfying(TeaException.class,
                    e -> assertThat(e.getCode()).isEqualTo(c.code()));
        }
        var missing = anonymous().post("/v1.0/robot/oToMessages/batchSend", Map.of("robotCode", app.appKey()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asText()).isEqualTo("AuthenticationFailed.MissingParameter");
        assertThat(tasks()).isEqualTo(before);
    }

    private long tasks() {
        return count("select count(*) from msg_notice_task where tenant_id = ?", tenantId(org));
    }

    private static BatchSendOTOHeaders headers(String token) {
        BatchSendOTOHeaders headers = new BatchSendOTOHeaders();
        headers.setXAcsDingtalkAccessToken(token);
        return headers;
    }

    private static Set<String> withErrmsg(JsonNode documented) {
        Set<String> names = new TreeSet<>(names(documented));
        names.add("errmsg");
        return names;
    }

    private static Msg text(String content) {
        Msg msg = new Msg();
        msg.setMsgtype("text");
        var text = new OapiMessageCorpconversationAsyncsendV2Request.Text();
        text.setContent(content);
        msg.setText(text);
        return msg;
    }

    private static BtnJsonList button(String title, String url) {
        BtnJsonList button = new BtnJsonList();
        button.setTitle(title);
        button.setActionUrl(url);
        return button;
    }

    private OapiMessageCorpconversationAsyncsendV2Response send(String token, long agentId, String userIds, Msg msg) {
        var request = new OapiMessageCorpconversationAsyncsendV2Request();
        request.setAgentId(agentId);
        request.setUseridList(userIds);
        request.setToAllUser(false);
        request.setMsg(msg);
        return call("/topapi/message/corpconversation/asyncsend_v2", request, token);
    }

    private OapiMessageCorpconversationGetsendprogressResponse progress(String token, long agentId, long taskId) {
        var request = new OapiMessageCorpconversationGetsendprogressRequest();
        request.setAgentId(agentId);
        request.setTaskId(taskId);
        return call("/topapi/message/corpconversation/getsendprogress", request, token);
    }

    private OapiMessageCorpconversationGetsendprogressResponse awaitDone(String token, long agentId, long taskId) {
        Polling.until("task " + taskId + " done", () -> progress(token, agentId, taskId).getProgress().getStatus() == 2);
        return progress(token, agentId, taskId);
    }

    private OapiMessageCorpconversationGetsendresultResponse resultResponse(String token, long agentId, long taskId) {
        var request = new OapiMessageCorpconversationGetsendresultRequest();
        request.setAgentId(agentId);
        request.setTaskId(taskId);
        return call("/topapi/message/corpconversation/getsendresult", request, token);
    }

    private OapiMessageCorpconversationGetsendresultResponse.AsyncSendResult result(String token, long agentId,
                                                                                   long taskId) {
        var response = resultResponse(token, agentId, taskId);
        assertThat(response.isSuccess()).as(response.getBody()).isTrue();
        return response.getSendResult();
    }

    private OapiMessageCorpconversationRecallResponse recall(String token, long agentId, long taskId) {
        var request = new OapiMessageCorpconversationRecallRequest();
        request.setAgentId(agentId);
        request.setMsgTaskId(taskId);
        return call("/topapi/message/corpconversation/recall", request, token);
    }
}
