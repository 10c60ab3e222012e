package hk.lantau.approval;


import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Every approval operation is in the OpenAPI document with the scope apps need and the errors it answers. */
class ApprovalOpenApiTest extends ApiTestSupport {

    private static final String T = "/api/v1/approval-templates";
    private static final String A = "/api/v1/approvals";
    private static final String K = "/api/v1/approval-tasks";

    /** Operation, its x-lantau-scope, then the error codes its responses must name. */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        expect("get " + T, "approval.read");
        expect("post " + T, "approval.template", "approval.template_invalid", "auth.permission_missing");
        expect("get " + T + "/{processCode}", "approval.read", "approval.template_not_found");
        expect("put " + T + "/{processCode}", "approval.template", "approval.template_invalid",
                "auth.permission_missing", "approval.template_not_found");
        expect("get " + T + "/{processCode}/versions/{version}", "approval.read", "approval.template_not_found",
                "approval.template_version_not_found");
        expect("get " + T + "/{processCode}/versions/{version}/bpmn", "approval.read",
                "approval.template_not_found", "approval.template_version_not_found");
        expect("post " + T + "/{processCode}/enable", "approval.template", "auth.permission_missing",
                "approval.template_not_found");
        expect("post " + T + "/{processCode}/disable", "approval.template", "auth.permission_missing",
                "approval.template_not_found");
        expect("get " + T + "/{processCode}/variables", "approval.template", "auth.permission_missing",
                "approval.template_not_found");
        expect("put " + T + "/{processCode}/variables", "approval.template", "approval.department_unknown",
                "approval.variable_value_invalid", "auth.permission_missing", "approval.template_not_found",
                "approval.variable_not_found");
        expect("get /api/v1/approval-presets", "approval.template", "auth.permission_missing");
        expect("post /api/v1/approval-presets/{key}/install", "approval.template",
                "approval.preset_fallback_required", "auth.permission_missing", "approval.preset_not_found",
                "approval.preset_installed");
        expect("post " + A, "approval.write", "approval.form_invalid", "approval.originator_unknown",
                "approval.department_invalid", "approval.approver_choice_invalid", "approval.attachment_unknown",
                "approval.request_id_invalid", "approval.originator_forbidden", "approval.template_not_found",
                "approval.template_disabled");
        expect("get " + A, "approval.read", "approval.cursor_invalid", "approval.query_invalid",
                "auth.permission_missing");
        expect("get " + A + "/{instanceId}", "approval.read", "approval.instance_not_found");
        expect("post " + A + "/{instanceId}/withdraw", "people-only", "approval.comment_invalid",
                "approval.withdraw_forbidden", "approval.instance_not_found", "approval.instance_finished");
        expect("post " + A + "/{instanceId}/terminate", "approval.write", "approval.comment_invalid",
                "auth.permission_missing", "approval.instance_not_found", "approval.instance_finished");
        expect("post " + A + "/{instanceId}/comments", "people-only", "approval.comment_invalid",
                "approval.attachment_unknown", "approval.instance_not_found");
        expect("post " + A + "/attachments", "approval.write", "approval.attachment_invalid", "request.too_large");
        expect("get " + A + "/attachments/{fileId}", "approval.read", "approval.attachment_not_found");
        expect("get " + K, "people-only", "approval.cursor_invalid");
        expect("post " + K + "/{taskId}/decision", "approval.write", "approval.decision_invalid",
                "approval.comment_invalid", "approval.attachment_unknown", "approval.acting_user_missing",
                "approval.not_assignee", "approval.acting_user_forbidden", "approval.task_not_found",
                "approval.task_finished");
        expect("post " + K + "/{taskId}/transfer", "approval.write", "approval.transfer_target_invalid",
                "approval.comment_invalid", "approval.acting_user_missing", "approval.not_assignee",
                "approval.acting_user_forbidden", "approval.task_not_found", "approval.task_finished");
    }

    private static void expect(String operation, String scope, String... codes) {
        List<String> values = new ArrayList<>();
        values.add(scope);
        values.addAll(List.of(codes));
        EXPECTED.put(operation, values);
    }

    @Test
    void everyApprovalOperationNamesItsScopeAndItsErrors() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        SoftAssertions soft = new SoftAssertions();
        List<String> documented = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/v1/approval")) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> {
                String name = op.getKey() + " " + path.getKey();
                documented.add(name);
                JsonNode operation = op.getValue();
                soft.assertThat(operation.path("summary").asText()).as("%s has a summary", name).isNotBlank();
                soft.assertThat(operation.has("x-lantau-scope")).as("%s names its scope", name).isTrue();
                soft.assertThat(operation.path("tags").size()).as("%s has a tag", name).isPositive();
                List<String> expected = EXPECTED.get(name);
                if (expected == null) {
                    return;
                }
                soft.assertThat(operation.path("x-lantau-scope").asText()).as("%s scope", name).isEqualTo(expected.get(0));
                String errors = errors(operation);
                for (String code : expected.subList(1, expected.size())) {
                    soft.assertThat(errors).as("%s documents %s", name, code).containsPattern(
                            "(^|[^a-z_.])" + code.replace(".", "\\.") + "($|[^a-z_])");
                }
            });
        });
        soft.assertThat(documented).as("approval operations in the document").containsAll(EXPECTED.keySet());
        soft.assertAll();
    }

    /** The descriptions of the operation's 4xx responses, and its description (where some list their codes). */
    private static String errors(JsonNode operation) {
        StringBuilder text = new StringBuilder(operation.path("description").asText()).append('\n');
        operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("4")) {
                text.append(response.getKey()).append(' ').append(response.getValue().path("description").asText())
                        .append('\n');
            }
        });
        return text.toString();
    }
}
