package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.approval.internal.time.TimeoutJob;
import hk.lantau.support.Api;
import hk.lantau.support.Polling;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A task nobody handles in time: escalated to the approver's manager (else the template's fallback
 * approver), decided automatically, or left alone; once, however often the job runs.
 */
@RecordApplicationEvents
class ApprovalTimeoutApiTest extends ApprovalApiTestSupport {

    @Autowired
    TimeoutJob job;

    @Autowired
    ApplicationEvents events;

    @Test
    void anUnhandledTaskGoesToTheApproversManagerOnceAndTheHistoryShowsIt() {
        Org org = newOrganisation();
        Person staff = person(org, "Amy Tse");
        String director = colleague(org, "Dora Director", null);
        String lead = colleague(org, "Leo Lead", director);
        String code = createTemplate(org.admin(), template("Travel", List.of(approverStep("lead", "SEQUENTIAL", lead))));
        String instanceId = submitLeave(staff.api(), code, 2);
        JsonNode task = instance(staff.api(), instanceId).get("tasks").get(0);
        Instant due = Instant.parse(task.get("dueAt").asText());
        assertThat(Duration.between(Instant.parse(task.get("createTime").asText()), due)).isEqualTo(Duration.ofHours(24));

        clock.advance(Duration.ofHours(23));
        job.run();
        assertThat(runningAssignees(instance(admin(), instanceId))).containsExactly(lead);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        events.clear();
        job.run();
        job.run();
        JsonNode escalated = instance(admin(), instanceId);
        assertThat(runningAssignees(escalated)).containsExactly(director);
        assertThat(escalated.get("tasks").get(0).get("status").asText()).isEqualTo("REDIRECTED");
        assertThat(operations(escalated)).containsExactly("START_PROCESS_INSTANCE", "REDIRECT_TASK");
        assertThat(escalated.get("operationRecords").get(1).path("userId").isMissingNode()
                || escalated.get("operationRecords").get(1).get("userId").isNull()).isTrue();
        // The manager's task has a time-out of its own, from now.
        assertThat(Instant.parse(escalated.get("tasks").get(1).get("dueAt").asText())).isAfter(due.plus(Duration.ofHours(23)));
        assertThat(auditCount(org, "approval.task.transferred")).isEqualTo(1);
        List<ApprovalTaskFinished> finished = events.stream(ApprovalTaskFinished.class)
                .filter(e -> e.instanceId().equals(instanceId)).toList();
        assertThat(finished).singleElement().satisfies(e -> {
            assertThat(e.automatic()).isTrue();
            assertThat(e.outcome()).isEqualTo(TaskOutcome.REDIRECT);
            assertThat(e.redirectedTo()).isEqualTo(director);
        });
        assertThat(events.stream(ApprovalTaskAssigned.class).filter(e -> e.instanceId().equals(instanceId)))
                .singleElement().satisfies(e -> assertThat(e.assigneeUserId()).isEqualTo(director));
        assertThat(outcome(org, task.get("taskId").asLong())).isEqualTo("ESCALATED");
        // The approval notices hear it after commit and tell the originator.
        Api originator = again(staff).api();
        Polling.until("the originator is told of the escalation", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> originator.get("/api/v1/me/notifications").json().get("items").findValuesAsText("key")
                        .contains("approval.escalated"));
    }

    @Test
    void withoutAManagerTheTemplatesFallbackApproverTakesItAndWithoutEitherItStaysAndSaysWhy() {
        Org org = newOrganisation();
        Person staff = person(org, "Bo Wan");
        String fallback = colleague(org, "Fay Fallback", null);
        String alone = colleague(org, "Al Alone", null);
        Map<String, Object> withFallback = template("Purchase", List.of(approverStep("a", "SEQUENTIAL", alone)));
        withFallback.put("fallbackApproverUserId", fallback);
        String toFallback = createTemplate(org.admin(), withFallback);
        String nowhere = createTemplate(org.admin(), template("Stationery",
                List.of(approverStep("a", "SEQUENTIAL", alone))));
        String first = submitLeave(staff.api(), toFallback, 1);
        String second = submitLeave(staff.api(), nowhere, 1);
        long stuck = instance(staff.api(), second).get("tasks").get(0).get("taskId").asLong();

        clock.advance(Duration.ofHours(25));
        job.run();
        job.run();
        assertThat(runningAssignees(instance(admin(), first))).containsExactly(fallback);
        JsonNode left = instance(admin(), second);
        assertThat(runningAssignees(left)).containsExactly(alone);
        assertThat(operations(left)).containsExactly("START_PROCESS_INSTANCE");
        assertThat(outcome(org, stuck)).isEqualTo("LEFT");
        assertThat(jdbc.sql("select reason from apr_task_timeout where tenant_id = :t and task_id = :id")
                .param("t", tenantId(org)).param("id", stuck).query(String.class).single()).contains("no active manager");
    }

    @Test
    void autoApproveAndAutoRejectDecideAsLantauAndNoneDoesNothing() {
        Org org = newOrganisation();
        Person staff = person(org, "Cy Yip");
        String boss = colleague(org, "Bea Boss", colleague(org, "Top Manager", null));
        String approve = createTemplate(org.admin(), template("Expense", List.of(
                timed("a", boss, "PT2H", "AUTO_APPROVE"))));
        String reject = createTemplate(org.admin(), template("Overtime", List.of(
                timed("a", boss, "PT2H", "AUTO_REJECT"))));
        String none = createTemplate(org.admin(), template("Suggestion", List.of(
                timed("a", boss, "PT2H", "NONE"))));
        String approved = submitLeave(staff.api(), approve, 1);
        String rejected = submitLeave(staff.api(), reject, 1);
        String untouched = submitLeave(staff.api(), none, 1);
        assertThat(instance(staff.api(), untouched).get("tasks").get(0).path("dueAt").isMissingNode()).isTrue();

        clock.advance(Duration.ofMinutes(119));
        job.run();
        assertThat(instance(staff.api(), approved).get("status").asText()).isEqualTo("RUNNING");

        clock.advance(Duration.ofMinutes(2));
        events.clear();
        job.run();
        job.run();
        JsonNode yes = instance(admin(), approved);
        assertThat(yes.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(yes.get("result").asText()).isEqualTo("agree");
        assertThat(operations(yes)).containsExactly("START_PROCESS_INSTANCE", "EXECUTE_TASK_AUTO",
                "FINISH_PROCESS_INSTANCE");
        JsonNode no = instance(admin(), rejected);
        assertThat(no.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(no.get("result").asText()).isEqualTo("refuse");
        assertThat(operations(no)).contains("EXECUTE_TASK_AUTO");
        assertThat(events.stream(ApprovalTaskFinished.class)
                .filter(e -> e.instanceId().equals(approved) || e.instanceId().equals(rejected)))
                .hasSize(2).allSatisfy(e -> assertThat(e.automatic()).isTrue());
        assertThat(auditCount(org, "approval.task.decided")).isEqualTo(2);

        clock.advance(Duration.ofDays(3));
        job.run();
        JsonNode still = instance(admin(), untouched);
        assertThat(still.get("status").asText()).isEqualTo("RUNNING");
        assertThat(runningAssignees(still)).containsExactly(boss);
        assertThat(operations(still)).containsExactly("START_PROCESS_INSTANCE");
    }

    private static Map<String, Object> timed(String id, String userId, String after, String action) {
        return approverStep(id, json("kind", "USERS", "userIds", List.of(userId)), "timeout",
                json("after", after, "action", action));
    }

    /** A person who only approves: no sign-in needed. */
    private String colleague(Org org, String name, String managerUserId) {
        return createUser(org.admin(), json("name", name, "email", newEmail("colleague"), "mobile", newMobile(),
                "departmentIds", List.of(1L), "managerUserId", managerUserId));
    }

    /** The organisation's admin signed in afresh, after the clock moved past the last session's idle time. */
    private Api admin() {
        return signInAgain(currentAdminEmail);
    }

    private String currentAdminEmail;

    @Override
    protected Org newOrganisation() {
        Org org = super.newOrganisation();
        currentAdminEmail = org.adminEmail();
        return org;
    }

    private String outcome(Org org, long taskId) {
        return jdbc.sql("select outcome from apr_task_timeout where tenant_id = :t and task_id = :id")
                .param("t", tenantId(org)).param("id", taskId).query(String.class).single();
    }
}
