package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Polling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Approvers, CCs and originators are told through Lantau's own notices, after the change commits. */
class ApprovalNoticesApiTest extends ApprovalApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void approversCcsAndTheOriginatorAreToldInTurn() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Ada Lam");
        Person boss = person(org, "Ben Chow");
        Person carol = person(org, "Carol Yip");
        Person dora = person(org, "Dora Ng");
        String code = createTemplate(hr.api(), template("Annual leave",
                List.of(approverStep("lead", "SEQUENTIAL", boss.userId()), ccStep("copy", carol.userId()))));
        String instanceId = submitLeave(staff.api(), code, 2);

        JsonNode assigned = awaitNotice(boss, "approval.task_assigned");
        List<String> args = args(assigned);
        assertThat(args.get(0)).isEqualTo("Ada Lam's Annual leave");
        assertThat(args.get(1)).isEqualTo("Ada Lam");
        assertThat(args.get(2)).startsWith("http").endsWith("/approvals/" + instanceId);
        assertThat(assigned.get("text").asText()).contains("Waiting for your approval: Ada Lam's Annual leave")
                .contains("有待你審批的申請").contains(args.get(2));

        var transferred = boss.api().post("/api/v1/approval-tasks/" + pendingTask(boss.api(), boss.userId(),
                instanceId) + "/transfer", json("toUserId", dora.userId(), "remark", "On leave myself"));
        assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
        assertThat(args(awaitNotice(staff, "approval.transferred"))).containsSubsequence("Ben Chow", "Dora Ng");
        awaitNotice(dora, "approval.task_assigned");

        decide(dora.api(), pendingTask(dora.api(), dora.userId(), instanceId), "agree");
        assertThat(args(awaitNotice(staff, "approval.agreed")).get(0)).isEqualTo("Ada Lam's Annual leave");
        assertThat(args(awaitNotice(carol, "approval.copied")).get(1)).isEqualTo("Ada Lam");

        assertThat(keys(staff)).containsExactlyInAnyOrder("approval.transferred", "approval.agreed");
        assertThat(keys(boss)).containsExactly("approval.task_assigned");
        assertThat(keys(dora)).containsExactly("approval.task_assigned");
        assertThat(keys(carol)).containsExactly("approval.copied");
        assertThat(boss.api().get("/api/v1/me/notifications").json().get("items").get(0).get("sender").get("kind")
                .asText()).isEqualTo("SYSTEM");
    }

    @Test
    void aRefusalIsToldButNotToPeopleWhoAreNoLongerActive() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Eve Ko");
        Person leaver = person(org, "Fay Lo");
        Person boss = person(org, "Gus Ma");
        String code = createTemplate(hr.api(), template("Overtime",
                List.of(approverStep("lead", "SEQUENTIAL", boss.userId()))));

        String refused = submitLeave(staff.api(), code, 1);
        var decided = decideRaw(boss.api(), pendingTask(boss.api(), boss.userId(), refused), "refuse", "No budget");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(awaitNotice(staff, "approval.refused").get("text").asText())
                .contains("Your approval was refused").contains("你的審批已被拒絕");

        String unseen = submitLeave(leaver.api(), code, 1);
        assertThat(hr.api().post("/api/v1/users/" + leaver.userId() + "/suspend", null).status()).isEqualTo(200);
        decide(boss.api(), pendingTask(boss.api(), boss.userId(), unseen), "agree");
        awaitListenersDone(unseen);
        assertThat(hr.api().post("/api/v1/users/" + leaver.userId() + "/reactivate", null).status()).isEqualTo(200);
        Person back = again(leaver);
        assertThat(keys(back)).isEmpty();
        assertThat(keys(boss)).containsExactly("approval.task_assigned", "approval.task_assigned");
    }

    /** Waits until every after-commit listener of the approval's events has finished. */
    private void awaitListenersDone(String instanceId) {
        Polling.until("the approval's listeners finished", WAIT, Duration.ofMillis(100), () -> count(
                "select count(*) from event_publication where completion_date is null and serialized_event like ?",
                "%" + instanceId + "%") == 0);
    }

    private static JsonNode awaitNotice(Person person, String key) {
        Polling.until(person.name() + " is told " + key, WAIT, Duration.ofMillis(100),
                () -> notices(person).stream().anyMatch(n -> key.equals(n.path("key").asText())));
        return notices(person).stream().filter(n -> key.equals(n.path("key").asText())).findFirst().orElseThrow();
    }

    private static List<String> keys(Person person) {
        return notices(person).stream().map(n -> n.path("key").asText()).toList();
    }

    private static List<String> args(JsonNode content) {
        List<String> args = new ArrayList<>();
        content.get("args").forEach(a -> args.add(a.asText()));
        return args;
    }

    /** The contents of the person's notices from Lantau, newest first. */
    private static List<JsonNode> notices(Person person) {
        var inbox = person.api().get("/api/v1/me/notifications?limit=50");
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        List<JsonNode> contents = new ArrayList<>();
        inbox.json().get("items").forEach(n -> {
            if ("system".equals(n.get("content").path("kind").asText())) {
                contents.add(n.get("content"));
            }
        });
        return contents;
    }
}
