package hk.lantau.compat;

import static hk.lantau.compat.CompatFixtures.fixture;
import static hk.lantau.compat.CompatFixtures.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.dingtalk.api.request.OapiCallBackDeleteCallBackRequest;
import com.dingtalk.api.request.OapiCallBackGetCallBackFailedResultRequest;
import com.dingtalk.api.request.OapiCallBackGetCallBackRequest;
import com.dingtalk.api.request.OapiCallBackRegisterCallBackRequest;
import com.dingtalk.api.request.OapiCallBackUpdateCallBackRequest;
import com.dingtalk.api.request.OapiProcessinstanceCreateRequest;
import com.dingtalk.api.response.OapiCallBackGetCallBackResponse;
import com.dingtalk.api.response.OapiCallBackRegisterCallBackResponse;
import com.dingtalk.api.response.OapiProcessinstanceCreateResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.compat.DingTalkCallbackReceiver.Reply;
import hk.lantau.support.Api;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DingTalk's HTTP callbacks: registration through the old SDK with the check_url handshake, and the
 * directory's, approvals' and attendance's events arriving encrypted at a receiver that implements
 * DingTalk's receiving side on its own, retried through the open platform's delivery log.
 */
class CompatCallbacksApiTest extends CompatApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "lantauToken123";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final List<String> ALL = List.of("user_add_org", "user_modify_org", "user_leave_org",
            "user_active_org", "org_dept_create", "org_dept_modify", "org_dept_remove", "bpms_instance_change",
            "bpms_task_change", "attendance_check_record");

    private final List<DingTalkCallbackReceiver> receivers = new ArrayList<>();

    @AfterEach
    void closeReceivers() {
        receivers.forEach(DingTalkCallbackReceiver::close);
        receivers.clear();
    }

    @Test
    void registrationChecksTheUrlAndEventsArriveEncrypted() throws IOException {
        // Early on a new day, so the clock-in at 09:00 falls within everyone's sessions.
        LocalDate day = clock.instant().atZone(HK).toLocalDate().plusDays(2);
        clock.set(day.atTime(7, 0).atZone(HK).toInstant());
        Org org = newOrganisation();
        allowLocalhost(org);
        App app = register(org, "event.subscribe", "user.read", "department.read", "approval.read",
                "approval.write", "attendance.read");
        String token = token(app);
        DingTalkCallbackReceiver receiver = receiver(app);

        receiver.reply(Reply.FAIL_TEXT);
        assertThat(registerCallback(token, ALL, TOKEN, AES_KEY, receiver.url()).getErrcode())
                .as("answered, but not an encrypted success").isEqualTo(71009L);
        receiver.reply(Reply.WRONG_SIGNATURE);
        assertThat(registerCallback(token, ALL, TOKEN, AES_KEY, receiver.url()).getErrcode()).isEqualTo(71009L);
        assertThat(getCallback(token).getErrcode()).as("nothing stored").isEqualTo(71007L);
        assertThat(stored(app)).isZero();

        receiver.reply(Reply.SUCCESS);
        JsonNode documented = fixture("call-back-register.request.json").get("body");
        OapiCallBackRegisterCallBackResponse registered = registerCallback(token, ALL, TOKEN, AES_KEY,
                receiver.url());
        assertThat(registered.getErrcode()).as(registered.getBody()).isZero();
        assertThat(read(registered.getBody()).get("errcode").asInt())
                .isEqualTo(fixture("call-back-register.response.json").get("errcode").asInt());
        assertThat(receiver.events()).as("the two refused checks and the accepted one")
                .extracting(e -> e.get("EventType").asText()).containsExactly("check_url", "check_url", "check_url");

        OapiCallBackGetCallBackResponse current = getCallback(token);
        JsonNode got = read(current.getBody());
        assertThat(got.get("call_back_tag")).hasSize(ALL.size());
        assertThat(got.get("token").asText()).isEqualTo(TOKEN);
        assertThat(got.get("aes_key").asText()).isEqualTo(AES_KEY);
        assertThat(got.get("url").asText()).isEqualTo(receiver.url());
        assertThat(names(got)).containsAll(names(documented));
        assertThat(registerCallback(token, ALL, TOKEN, AES_KEY, receiver.url()).getErrcode())
                .as("one callback per app").isEqualTo(71006L);

        String userId = createUser(org.admin(), "Chan Tai Man", 1L);
        JsonNode added = receiver.await(type("user_add_org"), WAIT);
        assertThat(added.get("userId")).hasSize(1);
        assertThat(added.get("userId").get(0).asText()).isEqualTo(userId);
        assertThat(added.get("CorpId").asText()).isEqualTo(org.corpId());
        assertThat(added.get("EventTime").isNumber()).isTrue();
        assertThat(added.get("eventId").asText()).matches("[0-9a-f]{32}");
        assertThat(names(fixture("user-add-org.event.json").get("http"))).containsAll(names(added)
                .stream().toList());

        long departmentId = createDepartment(org.admin(), "Operations", 1L);
        JsonNode created = receiver.await(type("org_dept_create"), WAIT);
        assertThat(created.get("deptId").get(0).asLong()).isEqualTo(departmentId);

        String approver = createUser(org.admin(), "Lee Siu Ming", 1L);
        String processCode = template(org, approver);
        OapiProcessinstanceCreateRequest create = new OapiProcessinstanceCreateRequest();
        create.setProcessCode(processCode);
        create.setOriginatorUserId(userId);
        create.setDeptId(-1L);
        OapiProcessinstanceCreateRequest.FormComponentValueVo reason =
                new OapiProcessinstanceCreateRequest.FormComponentValueVo();
        reason.setName("Reason");
        reason.setValue("Family trip");
        create.setFormComponentValues(List.of(reason));
        OapiProcessinstanceCreateResponse started = call("/topapi/processinstance/create", create, token);
        assertThat(started.getErrcode()).as(started.getBody()).isZero();
        String instanceId = started.getProcessInstanceId();
        JsonNode instanceStart = receiver.await(type("bpms_instance_change")
                .and(e -> e.get("type").asText().equals("start")), WAIT);
        assertThat(instanceStart.get("processInstanceId").asText()).isEqualTo(instanceId);
        assertThat(instanceStart.get("staffId").asText()).isEqualTo(userId);
        assertThat(instanceStart.get("corpId").asText()).isEqualTo(org.corpId());
        JsonNode taskStart = receiver.await(type("bpms_task_change").and(e -> e.get("type").asText().equals("start")),
                WAIT);
        assertThat(taskStart.get("staffId").asText()).isEqualTo(approver);

        var decided = signInAs(org, approver).post("/api/v1/approval-tasks/" + taskStart.get("taskId").asLong()
                + "/decision", json("result", "agree", "remark", "Enjoy"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode taskFinish = receiver.await(type("bpms_task_change")
                .and(e -> e.get("type").asText().equals("finish")), WAIT);
        assertThat(taskFinish.get("result").asText()).isEqualTo("agree");
        assertThat(taskFinish.get("remark").asText()).isEqualTo("Enjoy");
        JsonNode finished = receiver.await(type("bpms_instance_change")
                .and(e -> e.get("type").asText().equals("finish")), WAIT);
        assertThat(finished.get("result").asText()).isEqualTo("agree");

        String puncher = clockedIn(org);
        JsonNode punch = receiver.await(type("attendance_check_record"), WAIT);
        JsonNode record = punch.get("DataList").get(0);
        assertThat(record.get("userId").asText()).isEqualTo(puncher);
        assertThat(record.get("checkTime").isNumber()).isTrue();
        assertThat(record.get("corpId").asText()).isEqualTo(org.corpId());
        assertThat(record.get("checkType").asText()).isEqualTo("OnDuty");
        assertThat(record.has("latitude")).as("the place is never sent").isFalse();

        assertThat(receiver.problems()).isEmpty();
    }

    @Test
    void failedAnswersAreRetriedAndShownInTheDeliveryLog() throws IOException {
        Org org = newOrganisation();
        allowLocalhost(org);
        App app = register(org, "event.subscribe", "user.read");
        String token = token(app);
        DingTalkCallbackReceiver receiver = receiver(app);
        assertThat(registerCallback(token, List.of("user_add_org"), TOKEN, AES_KEY, receiver.url()).getErrcode())
                .isZero();

        receiver.reply(Reply.ERROR_500);
        String userId = createUser(org.admin(), "Wong Ka Yan", 1L);
        receiver.await(type("user_add_org"), WAIT);
        JsonNode delivery = awaitDelivery(org, app, d -> d.get("attempts").size() >= 1);
        assertThat(delivery.get("status").asText()).isEqualTo("PENDING");
        assertThat(delivery.get("eventType").asText()).isEqualTo("user_add_org");
        assertThat(delivery.get("attempts").get(0).get("status").asInt()).isEqualTo(500);

        receiver.reply(Reply.FAIL_TEXT);
        clock.advance(Duration.ofHours(2));
        JsonNode second = awaitDelivery(org, app, d -> d.get("attempts").size() >= 2);
        JsonNode attempt = second.get("attempts").get(0).get("attempt").asInt() == 2 ? second.get("attempts").get(0)
                : second.get("attempts").get(1);
        assertThat(attempt.get("succeeded").asBoolean()).isFalse();
        assertThat(attempt.get("status").asInt()).isEqualTo(200);
        assertThat(attempt.get("error").asText()).contains("success");

        receiver.reply(Reply.SUCCESS);
        clock.advance(Duration.ofHours(4));
        JsonNode delivered = awaitDelivery(org, app, d -> d.get("status").asText().equals("DELIVERED"));
        assertThat(delivered.get("attempts").size()).isGreaterThanOrEqualTo(3);
        assertThat(receiver.events().stream().filter(type("user_add_org"))
                .map(e -> e.get("eventId").asText()).distinct()).as("the same event each time").hasSize(1);
        assertThat(receiver.events().stream().filter(type("user_add_org"))
                .map(e -> e.get("userId").get(0).asText()).distinct()).containsExactly(userId);

        var failed = call("/call_back/get_call_back_failed_result",
                new OapiCallBackGetCallBackFailedResultRequest(), token(app));
        assertThat(failed.getErrcode()).as(failed.getBody()).isZero();
        assertThat(read(failed.getBody()).get("failed_list")).as("nothing gave up").isEmpty();

        receiver.reply(Reply.ERROR_500);
        String another = createUser(org.admin(), "Lee Mei", 1L);
        receiver.await(e -> type("user_add_org").test(e) && e.get("userId").get(0).asText().equals(another), WAIT);
        clock.advance(Duration.ofHours(25));
        Org later = new Org(org.corpId(), org.adminUserId(), org.adminEmail(), as(org.adminEmail(), PASSWORD));
        awaitDelivery(later, app, d -> d.get("status").asText().equals("DEAD"));
        var documented = sendDocumented("call-back-failed-result.request.json", token(app), Map.of());
        assertThat(documented.json().get("errcode").asInt()).as(documented.body()).isZero();
        // Lantau lists the event's id rather than its data (docs/compat.md).
        DocumentedAnswer.of("call-back-failed-result.response.json").absent("failed_list.user_add_org")
                .assertCarriedBy(documented.json());
        assertThat(documented.json().get("failed_list")).hasSize(1);
    }

    @Test
    void theDocumentedUpdateGetAndDeleteRequestsWork() {
        Org org = newOrganisation();
        allowLocalhost(org);
        App app = register(org, "event.subscribe", "user.read");
        String token = token(app);
        assertThat(registerCallback(token, List.of("user_add_org"), TOKEN, AES_KEY, receiver(app).url())
                .getErrcode()).isZero();
        // The documented token; the documented AES key is masked and shorter than the 43 characters needed.
        DingTalkCallbackReceiver documentedReceiver = new DingTalkCallbackReceiver("dingtalk", AES_KEY, app.appKey());
        receivers.add(documentedReceiver);

        var updated = sendDocumented("call-back-update.request.json", token, Map.of("url", documentedReceiver.url(),
                "aes_key", AES_KEY));
        assertThat(updated.json().get("errcode").asInt()).as(updated.body()).isZero();
        DocumentedAnswer.of("call-back-update.response.json").assertCarriedBy(updated.json());

        var current = sendDocumented("call-back-get.request.json", token, Map.of());
        DocumentedAnswer.of("call-back-get.response.json").assertCarriedBy(current.json());
        assertThat(current.json().get("token").asText()).isEqualTo("dingtalk");
        assertThat(texts(current.json().get("call_back_tag"), null))
                .containsExactlyInAnyOrder("user_add_org", "user_modify_org", "user_leave_org");

        var deleted = sendDocumented("call-back-delete.request.json", token, Map.of());
        assertThat(deleted.json().get("errcode").asInt()).as(deleted.body()).isZero();
        DocumentedAnswer.of("call-back-delete.response.json").assertCarriedBy(deleted.json());
        assertThat(getCallback(token).getErrcode()).isEqualTo(71007L);
    }

    @Test
    void anotherOrganisationsAppCannotSeeOrRemoveTheCallback() {
        Org org = newOrganisation();
        Org other = newOrganisation();
        allowLocalhost(org);
        App app = register(org, "event.subscribe", "user.read");
        App stranger = register(other, "event.subscribe", "user.read");
        DingTalkCallbackReceiver receiver = receiver(app);
        assertThat(registerCallback(token(app), List.of("user_add_org"), TOKEN, AES_KEY, receiver.url())
                .getErrcode()).isZero();

        String theirs = token(stranger);
        assertThat(getCallback(theirs).getErrcode()).isEqualTo(71007L);
        assertThat(call("/call_back/delete_call_back", new OapiCallBackDeleteCallBackRequest(), theirs).getErrcode())
                .isEqualTo(71007L);
        assertThat(other.admin().get("/api/v1/apps/" + app.id() + "/dingtalk-callback").status()).isEqualTo(404);
        assertThat(other.admin().delete("/api/v1/apps/" + app.id() + "/dingtalk-callback").status())
                .isEqualTo(404);
        assertThat(stored(app)).isEqualTo(1);

        var seen = org.admin().get("/api/v1/apps/" + app.id() + "/dingtalk-callback");
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.json().get("url").asText()).isEqualTo(receiver.url());
        assertThat(seen.body()).as("the admin never sees the keys").doesNotContain(TOKEN).doesNotContain(AES_KEY);
        assertThat(org.admin().get("/api/v1/apps/" + app.id() + "/subscriptions").body())
                .as("Lantau's subscription API lists its own format only").doesNotContain(receiver.url());

        var changed = org.admin().put("/api/v1/apps/" + app.id() + "/dingtalk-callback", json("url", receiver.url(),
                "tags", List.of("user_add_org", "user_leave_org"), "token", "otherToken", "aesKey", AES_KEY));
        assertThat(changed.status()).as("the receiver checks the old token: %s", changed.body()).isEqualTo(400);
        assertThat(changed.json().get("code").asText()).isEqualTo("compat.callback_unanswered");

        assertThat(call("/call_back/delete_call_back", new OapiCallBackDeleteCallBackRequest(), token(app))
                .getErrcode()).isZero();
        assertThat(getCallback(token(app)).getErrcode()).isEqualTo(71007L);
    }

    @Test
    void anAppReceivesOnlyWhatItsScopesAllow() {
        Org org = newOrganisation();
        allowLocalhost(org);
        App app = register(org, "event.subscribe", "user.read");
        DingTalkCallbackReceiver receiver = receiver(app);
        assertThat(registerCallback(token(app), List.of("bpms_instance_change", "bpms_task_change", "user_add_org"),
                TOKEN, AES_KEY, receiver.url()).getErrcode()).isZero();
        String writer = token(register(org, "approval.write", "approval.read"));
        String originator = createUser(org.admin(), "Ho Wing", 1L);
        String approver = createUser(org.admin(), "Lam Po", 1L);
        OapiProcessinstanceCreateRequest create = new OapiProcessinstanceCreateRequest();
        create.setProcessCode(template(org, approver));
        create.setOriginatorUserId(originator);
        create.setDeptId(-1L);
        OapiProcessinstanceCreateRequest.FormComponentValueVo reason =
                new OapiProcessinstanceCreateRequest.FormComponentValueVo();
        reason.setName("Reason");
        reason.setValue("Conference");
        create.setFormComponentValues(List.of(reason));
        assertThat(call("/topapi/processinstance/create", create, writer).getErrcode()).isZero();
        String later = createUser(org.admin(), "Yip Man", 1L);

        receiver.await(type("user_add_org").and(e -> e.get("userId").get(0).asText().equals(later)), WAIT);
        assertThat(count("select count(*) from opf_delivery where app_id = ? and event_type like 'bpms%'", app.id()))
                .as("no approval.read, no approval events").isZero();
        assertThat(receiver.events()).noneMatch(type("bpms_instance_change").or(type("bpms_task_change")));
    }

    @Test
    void badInputAnswersDingTalksErrorsAndStoresNothing() {
        Org org = newOrganisation();
        allowLocalhost(org);
        App app = register(org, "event.subscribe", "user.read");
        String token = token(app);
        DingTalkCallbackReceiver receiver = receiver(app);
        String url = receiver.url();

        assertThat(registerCallback(token, List.of("user_add_org"), "ab", AES_KEY, url).getErrcode())
                .as("token too short").isEqualTo(40035L);
        assertThat(registerCallback(token, List.of("user_add_org"), "a-b-c", AES_KEY, url).getErrcode())
                .as("token not alphanumeric").isEqualTo(40035L);
        assertThat(registerCallback(token, List.of("user_add_org"), "t".repeat(33), AES_KEY, url).getErrcode())
                .as("token too long").isEqualTo(40035L);
        assertThat(registerCallback(token, List.of("user_add_org"), TOKEN, AES_KEY.substring(1), url).getErrcode())
                .as("42-character key").isEqualTo(40035L);
        assertThat(registerCallback(token, List.of("user_add_org"), TOKEN, AES_KEY.substring(1) + "+", url)
                .getErrcode()).as("not alphanumeric").isEqualTo(40035L);
        assertThat(registerCallback(token, List.of("chat_add_member"), TOKEN, AES_KEY, url).getErrcode())
                .as("a type Lantau does not raise").isEqualTo(40035L);
        assertThat(registerCallback(token, List.of("user_add_org"), TOKEN, AES_KEY, "ftp://127.0.0.1/x")
                .getErrcode()).isEqualTo(40035L);
        assertThat(registerCallback(token, List.of("user_add_org"), TOKEN, AES_KEY, null).getErrcode())
                .isEqualTo(40035L);
        var notJson = postJson("/call_back/register_call_back", token, "{\"call_back_tag\":{\"a\":1},\"token\":\""
                + TOKEN + "\",\"aes_key\":\"" + AES_KEY + "\",\"url\":\"" + url + "\"}");
        assertThat(notJson.json().get("errcode").asInt()).as(notJson.body()).isEqualTo(40035);

        OapiCallBackUpdateCallBackRequest update = new OapiCallBackUpdateCallBackRequest();
        update.setCallBackTag(List.of("user_add_org"));
        update.setToken(TOKEN);
        update.setAesKey(AES_KEY);
        update.setUrl(url);
        assertThat(call("/call_back/update_call_back", update, token).getErrcode()).isEqualTo(71007L);
        assertThat(call("/call_back/delete_call_back", new OapiCallBackDeleteCallBackRequest(), token).getErrcode())
                .isEqualTo(71007L);
        assertThat(getCallback(token).getErrcode()).isEqualTo(71007L);
        assertThat(stored(app)).isZero();
        assertThat(receiver.events()).as("nothing reached the receiver").isEmpty();

        String noScope = token(register(org, "user.read"));
        assertThat(registerCallback(noScope, List.of("user_add_org"), TOKEN, AES_KEY, url).getErrcode())
                .isEqualTo(60011L);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private DingTalkCallbackReceiver receiver(App app) {
        DingTalkCallbackReceiver receiver = new DingTalkCallbackReceiver(TOKEN, AES_KEY, app.appKey());
        receivers.add(receiver);
        return receiver;
    }

    private static void allowLocalhost(Org org) {
        var allowed = org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "127.0.0.1"));
        assertThat(allowed.status()).as("allow 127.0.0.1: %s", allowed.body()).isIn(201, 409);
    }

    private OapiCallBackRegisterCallBackResponse registerCallback(String token, List<String> tags, String callbackToken,
                                                                  String aesKey, String url) {
        OapiCallBackRegisterCallBackRequest request = new OapiCallBackRegisterCallBackRequest();
        request.setCallBackTag(tags);
        request.setToken(callbackToken);
        request.setAesKey(aesKey);
        request.setUrl(url);
        return call("/call_back/register_call_back", request, token);
    }

    private OapiCallBackGetCallBackResponse getCallback(String token) {
        return call("/call_back/get_call_back", new OapiCallBackGetCallBackRequest(), token);
    }

    private long stored(App app) {
        return count("select count(*) from opf_subscription where app_id = ? and format = 'dingtalk' "
                + "and status <> 'DELETED'", app.id());
    }

    private static Predicate<JsonNode> type(String eventType) {
        return e -> e.get("EventType").asText().equals(eventType);
    }

    private String template(Org org, String approver) {
        var response = org.admin().post("/api/v1/approval-templates", json("name", "Leave",
                "form", List.of(json("id", "reason", "type", "TextField", "label", "Reason", "required", true)),
                "process", List.of(json("type", "approver", "id", "lead", "name", "Approve", "mode", "SEQUENTIAL",
                        "approvers", json("kind", "USERS", "userIds", List.of(approver))))));
        assertThat(response.status()).as("create template: %s", response.body()).isEqualTo(201);
        return response.json().get("processCode").asText();
    }

    /** A person in a 09:00 to 18:00 group who clocks in at 09:00 inside the fence. */
    private String clockedIn(Org org) {
        Api admin = org.admin();
        assertThat(admin.put("/api/v1/attendance/settings", json("noticeText", "One point per clock-in."))
                .status()).isEqualTo(200);
        String userId = createUser(admin, "Ada Chan");
        Api person = signInAs(org, userId);
        int version = person.get("/api/v1/attendance/notice").json().get("version").asInt();
        assertThat(person.post("/api/v1/attendance/notice/acknowledgements", json("version", version)).status())
                .isEqualTo(200);
        long place = admin.post("/api/v1/attendance/places", json("name", "Central", "latitude", 22.28,
                "longitude", 114.1588, "radiusMeters", 100)).json().get("id").asLong();
        long shift = admin.post("/api/v1/attendance/shifts", json("name", "Office", "onTime", "09:00",
                "offTime", "18:00", "flexibleMinutes", 5, "seriousLateMinutes", 30, "workingDays",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")))
                .json().get("id").asLong();
        var group = admin.post("/api/v1/attendance/groups", json("name", "Staff", "shiftId", shift,
                "placeIds", List.of(place), "outsidePolicy", "REFUSE", "userIds", List.of(userId)));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        clock.set(clock.instant().atZone(HK).toLocalDate().atTime(9, 0).atZone(HK).toInstant());
        var punch = person.post("/api/v1/attendance/punches", json("latitude", 22.28, "longitude", 114.1588,
                "accuracy", 10.0));
        assertThat(punch.status()).as(punch.body()).isEqualTo(201);
        return userId;
    }

    /** Polls the app's delivery log until a delivery matches, with a deadline. */
    private JsonNode awaitDelivery(Org org, App app, Predicate<JsonNode> which) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            var page = org.admin().get("/api/v1/apps/" + app.id() + "/deliveries?limit=100");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode delivery : page.json().get("items")) {
                if (which.test(delivery)) {
                    return delivery;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No such delivery within " + WAIT);
    }

    private static JsonNode read(String body) throws IOException {
        return JSON.readTree(body);
    }

}
