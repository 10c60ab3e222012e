package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Polling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a time-out does to a task is told to the originator and to the assignee it was taken from.
 * The time-out job publishes the same events as a person's action, marked automatic; this test
 * publishes them as the job does, so the notices are checked on their own.
 */
class ApprovalTimeoutNoticesApiTest extends ApprovalApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void anEscalationTellsTheOriginatorAndThePreviousAssignee() {
        Org org = newOrganisation();
        Person staff = person(org, "Pat Sin");
        Person slow = person(org, "Quin Tam");
        Person upper = person(org, "Ray Un");
        String instanceId = UUID.randomUUID().toString();
        publish(new ApprovalTaskFinished(tenantId(org), instanceId, 1L, "PROC-T1", "Pat Sin's Overtime",
                staff.userId(), slow.userId(), "lead", TaskOutcome.REDIRECT, null, null, true, upper.userId(),
                clock.instant()));

        awaitKeys(staff, "approval.escalated");
        awaitKeys(slow, "approval.escalated_away");
        assertThat(notices(slow).get(0)).contains("Ray Un", "/approvals/" + instanceId);
    }

    @Test
    void anAutomaticDecisionTellsBothButAPassedOriginatorStepTellsNobody() {
        Org org = newOrganisation();
        Person staff = person(org, "Sam Wu");
        Person slow = person(org, "Tia Xu");
        String instanceId = UUID.randomUUID().toString();
        publish(new ApprovalTaskFinished(tenantId(org), instanceId, 2L, "PROC-T2", "Sam Wu's Overtime",
                staff.userId(), staff.userId(), "self", TaskOutcome.FINISH, InstanceResult.AGREE, null, true, null,
                clock.instant()));
        publish(new ApprovalTaskFinished(tenantId(org), instanceId, 3L, "PROC-T2", "Sam Wu's Overtime",
                staff.userId(), slow.userId(), "lead", TaskOutcome.FINISH, InstanceResult.REFUSE, null, true, null,
                clock.instant()));

        awaitKeys(staff, "approval.auto_refused");
        awaitKeys(slow, "approval.task_auto_refused");
        assertThat(notices(staff).get(0)).contains("Tia Xu", "Lantau refused in their place");
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static void awaitKeys(Person person, String... keys) {
        Polling.until(person.name() + " is told " + List.of(keys), WAIT, Duration.ofMillis(100),
                () -> keys(person).equals(List.of(keys)));
    }

    private static List<String> keys(Person person) {
        List<String> keys = new ArrayList<>();
        person.api().get("/api/v1/me/notifications").json().get("items")
                .forEach(n -> keys.add(n.get("content").path("key").asText()));
        return keys;
    }

    private static List<String> notices(Person person) {
        List<String> texts = new ArrayList<>();
        person.api().get("/api/v1/me/notifications").json().get("items")
                .forEach(n -> texts.add(n.get("content").path("text").asText()));
        return texts;
    }
}
