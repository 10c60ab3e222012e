package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vertical slice: a template of named approvers, a submission, decisions, the approval read back. */
class ApprovalFlowApiTest extends ApprovalApiTestSupport {

    @Test
    void namedApproverAgreesAndTheApprovalCompletes() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Ada Lam");
        Person boss = person(org, "Ben Chow");
        String code = createTemplate(hr.api(), template("Annual leave",
                List.of(approverStep("lead", "SEQUENTIAL", boss.userId()))));

        JsonNode submitted = submit(staff.api(), code, values("reason", "Family trip", "days", "3"));
        String instanceId = submitted.get("instanceId").asText();
        assertThat(submitted.get("status").asText()).isEqualTo("RUNNING");
        assertThat(submitted.get("title").asText()).isEqualTo("Ada Lam's Annual leave");
        assertThat(submitted.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(runningAssignees(submitted)).containsExactly(boss.userId());
        assertThat(texts(submitted.get("formValues"), "value")).containsExactly("Family trip", "3");

        long task = pendingTask(boss.api(), boss.userId(), instanceId);
        var pending = boss.api().get("/api/v1/approval-tasks?pending=true");
        assertThat(texts(pending.json().get("items"), "taskId")).contains(String.valueOf(task));

        JsonNode done = decide(boss.api(), task, "agree");
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("result").asText()).isEqualTo("agree");
        assertThat(done.get("finishTime").isTextual()).isTrue();

        JsonNode read = instance(staff.api(), instanceId);
        assertThat(read.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(operations(read)).containsExactly("START_PROCESS_INSTANCE", "EXECUTE_TASK_NORMAL",
                "FINISH_PROCESS_INSTANCE");
        assertThat(read.get("tasks").get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(read.get("tasks").get(0).get("result").asText()).isEqualTo("agree");
        assertThat(auditCount(org, "approval.instance.submitted")).isEqualTo(1);
        assertThat(auditCount(org, "approval.task.decided")).isEqualTo(1);
        assertThat(auditCount(org, "approval.instance.completed")).isEqualTo(1);
        assertThat(auditCount(org, "approval.template.created")).isEqualTo(1);
    }

    @Test
    void aRefusalEndsTheApprovalAsRefused() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Cat Ho");
        Person first = person(org, "Dan Ip");
        Person second = person(org, "Eve Ko");
        String code = createTemplate(hr.api(), template("Overtime",
                List.of(approverStep("one", "SEQUENTIAL", first.userId()),
                        approverStep("two", "SEQUENTIAL", second.userId()))));
        String instanceId = submitLeave(staff.api(), code, 1);

        var refused = decideRaw(first.api(), pendingTask(first.api(), first.userId(), instanceId), "refuse",
                "Not this week");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        JsonNode done = refused.json();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("result").asText()).isEqualTo("refuse");
        assertThat(done.get("approverUserIds")).hasSize(1);
        assertThat(done.get("operationRecords").get(1).get("remark").asText()).isEqualTo("Not this week");
    }
}
