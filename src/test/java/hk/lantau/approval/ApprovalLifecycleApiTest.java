package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What happens to a running approval besides decisions: transfers, withdrawal, termination, comments, files, versions. */
class ApprovalLifecycleApiTest extends ApprovalApiTestSupport {

    @Test
    void anApproverTransfersTheTaskAndTheNewAssigneeDecides() {
        Org org = newOrganisation();
        Person staff = person(org, "Mo Au");
        Person boss = person(org, "Nat Bo");
        Person deputy = person(org, "Oz Cy");
        String code = createTemplate(admin(org).api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String id = submitLeave(staff.api(), code, 1);
        long task = pendingTask(boss.api(), boss.userId(), id);

        var moved = boss.api().post("/api/v1/approval-tasks/" + task + "/transfer",
                json("toUserId", deputy.userId(), "remark", "On holiday"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode after = moved.json();
        assertThat(after.get("tasks").get(0).get("status").asText()).isEqualTo("REDIRECTED");
        assertThat(runningAssignees(after)).containsExactly(deputy.userId());
        assertThat(operations(after)).endsWith("REDIRECT_TASK");
        assertThat(decideRaw(boss.api(), task, "agree", null).status()).isEqualTo(409);

        JsonNode done = decide(deputy.api(), pendingTask(deputy.api(), deputy.userId(), id), "agree");
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(instance(boss.api(), id).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(auditCount(org, "approval.task.transferred")).isEqualTo(1);
    }

    @Test
    void theOriginatorWithdrawsOnlyWhilePendingAndNobodyElseMay() {
        Org org = newOrganisation();
        Person staff = person(org, "Pip Du");
        Person boss = person(org, "Quo Ee");
        String code = createTemplate(admin(org).api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String id = submitLeave(staff.api(), code, 1);

        var byBoss = boss.api().post("/api/v1/approvals/" + id + "/withdraw", json("remark", "no"));
        assertThat(byBoss.status()).isEqualTo(403);
        assertThat(byBoss.json().get("code").asText()).isEqualTo("approval.withdraw_forbidden");
        assertThat(instance(staff.api(), id).get("status").asText()).isEqualTo("RUNNING");

        var withdrawn = staff.api().post("/api/v1/approvals/" + id + "/withdraw", json("remark", "Plans changed"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("CANCELED");
        assertThat(withdrawn.json().get("tasks").get(0).get("status").asText()).isEqualTo("CANCELED");
        assertThat(operations(withdrawn.json())).endsWith("REVOKE_PROCESS_INSTANCE");
        var again = staff.api().post("/api/v1/approvals/" + id + "/withdraw", json());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("approval.instance_finished");
        assertThat(auditCount(org, "approval.instance.withdrawn")).isEqualTo(1);
    }

    @Test
    void anAdminTerminatesAndOthersMayNot() {
        Org org = newOrganisation();
        Person admin = admin(org);
        Person staff = person(org, "Rex Fa");
        Person boss = person(org, "Sid Gu");
        String code = createTemplate(admin.api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String id = submitLeave(staff.api(), code, 1);

        var byBoss = boss.api().post("/api/v1/approvals/" + id + "/terminate", json());
        assertThat(byBoss.status()).isEqualTo(403);
        var terminated = admin.api().post("/api/v1/approvals/" + id + "/terminate", json("remark", "Duplicate"));
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        assertThat(terminated.json().get("status").asText()).isEqualTo("TERMINATED");
        assertThat(operations(terminated.json())).endsWith("TERMINATE_PROCESS_INSTANCE");
        assertThat(pendingTasks(boss)).isEmpty();
        assertThat(auditCount(org, "approval.instance.terminated")).isEqualTo(1);
    }

    @Test
    void commentsAndDecisionsCarryAttachmentsOnlyThoseWhoSeeTheApprovalDownload() {
        Org org = newOrganisation();
        Person staff = person(org, "Tam Ho");
        Person boss = person(org, "Ursa In");
        Person stranger = person(org, "Val Jo");
        Map<String, Object> definition = template("Sick leave", List.of(approverStep("lead", "SEQUENTIAL",
                boss.userId())));
        definition.put("form", List.of(json("id", "reason", "type", "TextField", "label", "Reason"),
                json("id", "certificate", "type", "DDAttachment", "label", "Certificate", "required", true)));
        String code = createTemplate(admin(org).api(), definition);
        String file = upload(staff.api(), "cert.txt", "Dr Wong: two days of rest");
        assertThat(stranger.api().get("/api/v1/approvals/attachments/" + file).status()).isEqualTo(404);
        var byStranger = submitRaw(stranger.api(), json("processCode", code, "formValues",
                values("certificate", "[\"" + file + "\"]")));
        assertThat(byStranger.status()).isEqualTo(400);
        assertThat(byStranger.json().get("code").asText()).isEqualTo("approval.attachment_unknown");

        String id = submit(staff.api(), code, values("certificate", "[\"" + file + "\"]")).get("instanceId").asText();
        var download = boss.api().get("/api/v1/approvals/attachments/" + file);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("Dr Wong: two days of rest");
        assertThat(stranger.api().get("/api/v1/approvals/attachments/" + file).status()).isEqualTo(404);
        byte[] stored = jdbc.sql("select content from apr_attachment where file_id = :f").param("f", file)
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Dr Wong");

        String note = upload(boss.api(), "note.txt", "Seen");
        var comment = boss.api().post("/api/v1/approvals/" + id + "/comments",
                json("text", "Get well soon", "attachmentIds", List.of(note)));
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        JsonNode remark = comment.json().get("operationRecords").get(1);
        assertThat(remark.get("type").asText()).isEqualTo("ADD_REMARK");
        assertThat(remark.get("attachments").get(0).get("fileName").asText()).isEqualTo("note.txt");
        assertThat(stranger.api().post("/api/v1/approvals/" + id + "/comments", json("text", "Hi")).status())
                .isEqualTo(404);
        assertThat(boss.api().post("/api/v1/approvals/" + id + "/comments", json("text", " ")).status())
                .isEqualTo(400);
        assertThat(staff.api().get("/api/v1/approvals/attachments/" + note).status()).isEqualTo(200);
    }

    @Test
    void aNewVersionLeavesRunningApprovalsOnTheirsAndEachVersionHasItsBpmn() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Wes Ka");
        Person first = person(org, "Xi Lo");
        Person second = person(org, "Yu Mo");
        String code = createTemplate(hr.api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", first.userId()))));
        String old = submitLeave(staff.api(), code, 1);

        var saved = hr.api().put("/api/v1/approval-templates/" + code, template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", first.userId()), approverStep("head", "SEQUENTIAL",
                        second.userId()))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(2);
        String fresh = submitLeave(staff.api(), code, 1);

        assertThat(decide(first.api(), pendingTask(first.api(), first.userId(), old), "agree").get("status")
                .asText()).isEqualTo("COMPLETED");
        JsonNode onTwo = decide(first.api(), pendingTask(first.api(), first.userId(), fresh), "agree");
        assertThat(onTwo.get("templateVersion").asInt()).isEqualTo(2);
        assertThat(runningAssignees(onTwo)).containsExactly(second.userId());

        var v1 = staff.api().get("/api/v1/approval-templates/" + code + "/versions/1/bpmn");
        assertThat(v1.status()).isEqualTo(200);
        assertThat(v1.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(v1.body()).contains("<userTask id=\"lead\"").doesNotContain("id=\"head\"");
        assertThat(staff.api().get("/api/v1/approval-templates/" + code + "/versions/2/bpmn").body())
                .contains("id=\"head\"");
        assertThat(staff.api().get("/api/v1/approval-templates/" + code + "/versions/3/bpmn").status())
                .isEqualTo(404);
        assertThat(staff.api().get("/api/v1/approval-templates/" + code + "/versions/1").json()
                .get("definition").get("process")).hasSize(1);
        assertThat(auditCount(org, "approval.template.versioned")).isEqualTo(1);
    }

    @Test
    void aDisabledTemplateTakesNoSubmissionsButRunningOnesGoOn() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Zoe Na");
        Person boss = person(org, "Al Ob");
        String code = createTemplate(hr.api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String id = submitLeave(staff.api(), code, 1);
        assertThat(hr.api().post("/api/v1/approval-templates/" + code + "/disable", json()).status()).isEqualTo(200);

        var refused = submitRaw(staff.api(), json("processCode", code, "formValues", values("reason", "x")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("approval.template_disabled");
        assertThat(texts(staff.api().get("/api/v1/approval-templates").json(), "processCode")).doesNotContain(code);
        assertThat(staff.api().get("/api/v1/approval-templates/" + code).status()).isEqualTo(404);
        assertThat(decide(boss.api(), pendingTask(boss.api(), boss.userId(), id), "agree").get("status").asText())
                .isEqualTo("COMPLETED");
        assertThat(hr.api().post("/api/v1/approval-templates/" + code + "/enable", json()).status()).isEqualTo(200);
        submitLeave(staff.api(), code, 1);
    }

    private static List<String> pendingTasks(Person person) {
        return texts(person.api().get("/api/v1/approval-tasks?pending=true").json().get("items"), "taskId");
    }
}
