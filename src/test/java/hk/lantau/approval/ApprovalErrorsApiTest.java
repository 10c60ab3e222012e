package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input and other organisations' objects: clear errors with stable codes, and nothing changed. */
class ApprovalErrorsApiTest extends ApprovalApiTestSupport {

    @Test
    void anInvalidFormIsRefusedFieldByFieldAndStartsNothing() {
        Org org = newOrganisation();
        Person staff = person(org, "Ann Bee");
        Person boss = person(org, "Bob Cee");
        String code = createTemplate(admin(org).api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));

        var refused = submitRaw(staff.api(), json("processCode", code, "formValues", values("days", "many")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("approval.form_invalid");
        assertThat(texts(refused.json().get("errors"), "code")).contains("approval.field_required",
                "approval.field_not_a_number");
        assertThat(instances(org)).isZero();
        assertThat(auditCount(org, "approval.instance.submitted")).isZero();

        var unknown = submitRaw(staff.api(), json("processCode", "PROC-NOPE", "formValues", values("reason", "x")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("approval.template_not_found");
        var forOther = submitRaw(staff.api(), json("processCode", code, "originatorUserId", boss.userId(),
                "formValues", values("reason", "x")));
        assertThat(forOther.status()).isEqualTo(403);
        assertThat(forOther.json().get("code").asText()).isEqualTo("approval.originator_forbidden");
        assertThat(instances(org)).isZero();
    }

    @Test
    void aRepeatedClientRequestIdReturnsTheFirstApproval() {
        Org org = newOrganisation();
        Person staff = person(org, "Cal Dee");
        Person boss = person(org, "Dot Eff");
        String code = createTemplate(admin(org).api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));
        Map<String, Object> body = json("processCode", code, "formValues", values("reason", "x"),
                "clientRequestId", "req-1");
        String first = submitRaw(staff.api(), body).json().get("instanceId").asText();
        String second = submitRaw(staff.api(), body).json().get("instanceId").asText();
        assertThat(second).isEqualTo(first);
        assertThat(instances(org)).isEqualTo(1);
    }

    @Test
    void templatesThatCannotRunAreRefusedAndNothingIsSaved() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Eve Gee");
        var noDefault = hr.api().post("/api/v1/approval-templates", template("Stuck", List.of(branchStep("size",
                branch("big", fieldCondition("days", "GT", "3"), List.of(approverStep("a", "SEQUENTIAL",
                        staff.userId()))),
                branch("small", fieldCondition("days", "LE", "3"), List.of())))));
        assertThat(noDefault.status()).isEqualTo(400);
        assertThat(noDefault.json().get("code").asText()).isEqualTo("approval.template_invalid");
        assertThat(texts(noDefault.json().get("errors"), "code")).contains("approval.process_unreachable_end");

        var ghost = hr.api().post("/api/v1/approval-templates", template("Ghost", List.of(
                approverStep("a", "SEQUENTIAL", "nobody-here"))));
        assertThat(ghost.status()).isEqualTo(400);
        assertThat(texts(ghost.json().get("errors"), "code")).contains("approval.user_unknown");

        var notAllowed = staff.api().post("/api/v1/approval-templates", template("Mine", List.of(
                approverStep("a", "SEQUENTIAL", staff.userId()))));
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(count("select count(*) from apr_template where tenant_id = ?", tenantId(org))).isZero();
        assertThat(auditCount(org, "approval.template.created")).isZero();
    }

    @Test
    void decisionsOnlyByTheAssigneeAndOnlyOnce() {
        Org org = newOrganisation();
        Person staff = person(org, "Fin Hay");
        Person boss = person(org, "Gil Ivy");
        Person stranger = person(org, "Hud Jay");
        String code = createTemplate(admin(org).api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String id = submitLeave(staff.api(), code, 1);
        long task = pendingTask(boss.api(), boss.userId(), id);

        var byOriginator = decideRaw(staff.api(), task, "agree", null);
        assertThat(byOriginator.status()).isEqualTo(403);
        assertThat(byOriginator.json().get("code").asText()).isEqualTo("approval.not_assignee");
        var byStranger = decideRaw(stranger.api(), task, "agree", null);
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(byStranger.json().get("code").asText()).isEqualTo("approval.task_not_found");
        var noResult = decideRaw(boss.api(), task, null, null);
        assertThat(noResult.status()).isEqualTo(400);
        assertThat(noResult.json().get("code").asText()).isEqualTo("approval.decision_invalid");
        assertThat(instance(staff.api(), id).get("status").asText()).isEqualTo("RUNNING");
        assertThat(decideRaw(boss.api(), 999_999_999L, "agree", null).status()).isEqualTo(404);

        decide(boss.api(), task, "agree");
        var again = decideRaw(boss.api(), task, "refuse", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("approval.task_finished");
        assertThat(instance(staff.api(), id).get("result").asText()).isEqualTo("agree");
        var transfer = boss.api().post("/api/v1/approval-tasks/" + task + "/transfer", json("toUserId",
                stranger.userId()));
        assertThat(transfer.status()).isEqualTo(409);
    }

    @Test
    void anotherOrganisationsApprovalsAnswer404OnEveryEndpoint() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Ian Kay");
        Person boss = person(org, "Joy Lam");
        String code = createTemplate(hr.api(), json("name", "Leave", "form", List.of(
                json("id", "reason", "type", "TextField", "label", "Reason")), "process", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId())), "variables", List.of(json("key", "region",
                "label", "Region"))));
        String file = upload(staff.api(), "a.txt", "secret");
        String id = submit(staff.api(), code, values("reason", "x")).get("instanceId").asText();
        long task = pendingTask(boss.api(), boss.userId(), id);

        Api other = newOrganisation().admin();
        String t = "/api/v1/approval-templates/" + code;
        List<Api.Response> answers = List.of(
                other.get(t), other.put(t, template("Taken", List.of(approverStep("a", "SEQUENTIAL", "x")))),
                other.get(t + "/versions/1"), other.get(t + "/versions/1/bpmn"),
                other.post(t + "/enable", json()), other.post(t + "/disable", json()),
                other.get(t + "/variables"), other.put(t + "/variables", json("key", "region", "departmentId", 1,
                        "value", "NT")),
                submitRaw(other, json("processCode", code, "formValues", values("reason", "x"))),
                other.get("/api/v1/approvals/" + id), other.post("/api/v1/approvals/" + id + "/withdraw", json()),
                other.post("/api/v1/approvals/" + id + "/terminate", json()),
                other.post("/api/v1/approvals/" + id + "/comments", json("text", "hi")),
                decideRaw(other, task, "refuse", null),
                other.post("/api/v1/approval-tasks/" + task + "/transfer", json("toUserId", boss.userId())),
                other.get("/api/v1/approvals/attachments/" + file));
        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
        }
        assertThat(texts(other.get("/api/v1/approvals").json().get("items"), "instanceId")).doesNotContain(id);
        assertThat(texts(other.get("/api/v1/approval-templates").json(), "processCode")).doesNotContain(code);
        JsonNode unchanged = instance(staff.api(), id);
        assertThat(unchanged.get("status").asText()).isEqualTo("RUNNING");
        assertThat(operations(unchanged)).containsExactly("START_PROCESS_INSTANCE");
        assertThat(hr.api().get(t).json().get("version").asInt()).isEqualTo(1);
        assertThat(hr.api().get(t).json().get("enabled").asBoolean()).isTrue();
    }

    private long instances(Org org) {
        return count("select count(*) from apr_instance where tenant_id = ?", tenantId(org));
    }
}
