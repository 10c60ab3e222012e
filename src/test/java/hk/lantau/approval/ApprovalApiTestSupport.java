package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.messaging.MessagingApiTestSupport;
import hk.lantau.support.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers every approval API test shares: templates built from plain maps (the JSON the API takes),
 * submissions, decisions and reading an approval back, all through the HTTP API.
 */
public abstract class ApprovalApiTestSupport extends MessagingApiTestSupport {

    /**
     * A person created with extra directory fields ({@code "managerUserId"}, {@code "departmentIds"},
     * {@code "roleKeys"}) and signed in.
     */
    protected Person person(Org org, String name, Map<String, Object> extra) {
        Map<String, Object> body = json("name", name, "email", newEmail(name.toLowerCase(java.util.Locale.ROOT)
                .replace(' ', '.')), "mobile", newMobile(), "departmentIds", List.of(1L));
        body.putAll(extra);
        String userId = createUser(org.admin(), body);
        return new Person(userId, name, (String) body.get("email"), signInAs(org, userId));
    }

    /** A form of a reason (text, required) and a number of days (number), enough for most processes. */
    protected static List<Map<String, Object>> leaveForm() {
        return List.of(
                json("id", "reason", "type", "TextField", "label", "Reason", "required", true),
                json("id", "days", "type", "NumberField", "label", "Days", "required", false));
    }

    /** A template definition with {@link #leaveForm()} and these steps. */
    protected static Map<String, Object> template(String name, List<Map<String, Object>> steps) {
        return json("name", name, "groupName", "Leave", "form", leaveForm(), "process", steps);
    }

    /** An approver step of named people, deciding in {@code mode} (SEQUENTIAL, COUNTERSIGN, OR_SIGN). */
    protected static Map<String, Object> approverStep(String id, String mode, String... userIds) {
        return json("type", "approver", "id", id, "name", "Approve " + id, "mode", mode,
                "approvers", json("kind", "USERS", "userIds", List.of(userIds)));
    }

    /** An approver step with any source ({@code json("kind", "MANAGER", "managerLevel", 2)}) and extra properties. */
    protected static Map<String, Object> approverStep(String id, Map<String, Object> source, Object... more) {
        Map<String, Object> step = json("type", "approver", "id", id, "name", "Approve " + id, "approvers", source);
        step.putAll(json(more));
        return step;
    }

    protected static Map<String, Object> ccStep(String id, String... userIds) {
        return json("type", "cc", "id", id, "name", "Copy " + id,
                "recipients", json("kind", "USERS", "userIds", List.of(userIds)));
    }

    /** A branch step; pass {@link #branch} maps, one of them without a condition (the default). */
    @SafeVarargs
    protected static Map<String, Object> branchStep(String id, Map<String, Object>... branches) {
        return json("type", "branch", "id", id, "name", "Branch " + id, "branches", List.of(branches));
    }

    protected static Map<String, Object> branch(String id, Map<String, Object> condition,
                                                List<Map<String, Object>> steps) {
        return json("id", id, "name", "Branch " + id, "condition", condition, "steps", steps);
    }

    /** A field condition such as {@code fieldCondition("days", "GT", "3")}. */
    protected static Map<String, Object> fieldCondition(String fieldId, String operator, String... values) {
        return json("type", "field", "fieldId", fieldId, "operator", operator, "values", List.of(values));
    }

    /** Creates a template through the API and returns its process code. */
    protected static String createTemplate(Api api, Map<String, Object> definition) {
        var response = api.post("/api/v1/approval-templates", definition);
        assertThat(response.status()).as("create template: %s", response.body()).isEqualTo(201);
        return response.json().get("processCode").asText();
    }

    /** Form values in DingTalk's shape from alternating component ids and values. */
    protected static List<Map<String, Object>> values(String... idsAndValues) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            values.add(json("id", idsAndValues[i], "value", idsAndValues[i + 1]));
        }
        return values;
    }

    protected static Api.Response submitRaw(Api api, Map<String, Object> body) {
        return api.post("/api/v1/approvals", body);
    }

    /** Submits and returns the approval as the API answered it. */
    protected static JsonNode submit(Api api, String processCode, List<Map<String, Object>> values) {
        var response = submitRaw(api, json("processCode", processCode, "formValues", values));
        assertThat(response.status()).as("submit: %s", response.body()).isEqualTo(201);
        return response.json();
    }

    /** Submits a leave request with a reason and a number of days. */
    protected static String submitLeave(Api api, String processCode, int days) {
        return submit(api, processCode, values("reason", "Family trip", "days", String.valueOf(days)))
                .get("instanceId").asText();
    }

    protected static Api.Response decideRaw(Api api, long taskId, String result, String remark) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        body.put("remark", remark);
        return api.post("/api/v1/approval-tasks/" + taskId + "/decision", body);
    }

    /** Decides a task and returns the approval as it now is. */
    protected static JsonNode decide(Api api, long taskId, String result) {
        var response = decideRaw(api, taskId, result, null);
        assertThat(response.status()).as("decide task %s: %s", taskId, response.body()).isEqualTo(200);
        return response.json();
    }

    protected static JsonNode instance(Api api, String instanceId) {
        var response = api.get("/api/v1/approvals/" + instanceId);
        assertThat(response.status()).as("read approval: %s", response.body()).isEqualTo(200);
        return response.json();
    }

    /** The running task of the person on the approval; fails when there is none. */
    protected static long pendingTask(Api api, String userId, String instanceId) {
        for (JsonNode task : instance(api, instanceId).get("tasks")) {
            if (task.get("userId").asText().equals(userId) && task.get("status").asText().equals("RUNNING")) {
                return task.get("taskId").asLong();
            }
        }
        throw new AssertionError("no running task of " + userId + " on " + instanceId);
    }

    /** The running tasks' assignees, in task order. */
    protected static List<String> runningAssignees(JsonNode instance) {
        List<String> users = new ArrayList<>();
        instance.get("tasks").forEach(task -> {
            if (task.get("status").asText().equals("RUNNING")) {
                users.add(task.get("userId").asText());
            }
        });
        return users;
    }

    /** Uploads a text file as an approval attachment (multipart, part "file"). */
    protected static Api.Response uploadRaw(Api api, String fileName, String text) {
        String boundary = "lantau-approval-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        return api.sendRaw("POST", "/api/v1/approvals/attachments", body, "multipart/form-data; boundary=" + boundary);
    }

    /** Uploads a text file and returns its fileId. */
    protected static String upload(Api api, String fileName, String text) {
        var response = uploadRaw(api, fileName, text);
        assertThat(response.status()).as("upload: %s", response.body()).isEqualTo(201);
        return response.json().get("fileId").asText();
    }

    /** An app registered by the organisation's admin with these scopes, signed in with its own token. */
    protected Api app(Org org, String... scopes) {
        var registered = org.admin().post("/api/v1/apps", json("name", "Approvals " + java.util.UUID.randomUUID()
                .toString().substring(0, 8), "purpose", "Runs approvals", "scopes", List.of(scopes),
                "ipAllowList", List.of()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode body = registered.json();
        String form = "grant_type=client_credentials&client_id=" + encode(body.get("appKey").asText())
                + "&client_secret=" + encode(body.get("secret").get("value").asText());
        var granted = anonymous().sendRaw("POST", "/api/v1/oauth/token", form, "application/x-www-form-urlencoded");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return new Api(baseUrl(), granted.json().get("access_token").asText());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The operation types of the approval's history, in order. */
    protected static List<String> operations(JsonNode instance) {
        return texts(instance.get("operationRecords"), "type");
    }
}
