package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Apps submit for a person and decide for the assignee, within their scopes. */
class ApprovalAppsApiTest extends ApprovalApiTestSupport {

    private record World(Org org, Person staff, Person boss, Person other, String code) {
    }

    private World world() {
        Org org = newOrganisation();
        Person staff = person(org, "Mo Chan");
        Person boss = person(org, "Nat Ip");
        Person other = person(org, "Oz Lau");
        String code = createTemplate(admin(org).api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));
        return new World(org, staff, boss, other, code);
    }

    @Test
    void anAppWithApprovalWriteSubmitsForAPersonAndDecidesForTheAssignee() {
        World w = world();
        Api app = app(w.org(), "approval.write");

        var submitted = submitRaw(app, json("processCode", w.code(), "originatorUserId", w.staff().userId(),
                "formValues", values("reason", "Conference", "days", "2")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("instanceId").asText();
        assertThat(submitted.json().get("originatorUserId").asText()).isEqualTo(w.staff().userId());
        assertThat(instance(w.staff().api(), id).get("title").asText()).isEqualTo("Mo Chan's Leave");
        long task = pendingTask(w.boss().api(), w.boss().userId(), id);

        String file = upload(app, "minutes.txt", "Agreed at the meeting");
        var decided = app.post("/api/v1/approval-tasks/" + task + "/decision", json("result", "agree",
                "remark", "Per the meeting", "attachmentIds", List.of(file), "actingUserId", w.boss().userId()));

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode done = decided.json();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        JsonNode decision = done.get("operationRecords").get(1);
        assertThat(decision.get("type").asText()).isEqualTo("EXECUTE_TASK_NORMAL");
        assertThat(decision.get("userId").asText()).isEqualTo(w.boss().userId());
        assertThat(decision.get("attachments").get(0).get("fileName").asText()).isEqualTo("minutes.txt");
        assertThat(w.staff().api().get("/api/v1/approvals/attachments/" + file).body())
                .isEqualTo("Agreed at the meeting");
    }

    @Test
    void anAppIsRefusedWhenItNamesNobodyOrSomebodyElse() {
        World w = world();
        Api app = app(w.org(), "approval.write");
        String id = submitLeave(w.staff().api(), w.code(), 1);
        long task = pendingTask(w.boss().api(), w.boss().userId(), id);
        long instances = instances(w.org());

        assertRefused(submitRaw(app, json("processCode", w.code(), "formValues", values("reason", "x"))), 400,
                "approval.originator_unknown");
        assertRefused(submitRaw(app, json("processCode", w.code(), "originatorUserId", "nobody",
                "formValues", values("reason", "x"))), 400, "approval.originator_unknown");
        assertThat(instances(w.org())).isEqualTo(instances);

        assertRefused(app.post("/api/v1/approval-tasks/" + task + "/decision", json("result", "agree")), 400,
                "approval.acting_user_missing");
        assertRefused(app.post("/api/v1/approval-tasks/" + task + "/decision", json("result", "agree",
                "actingUserId", w.other().userId())), 403, "approval.not_assignee");
        assertRefused(app.post("/api/v1/approval-tasks/" + task + "/transfer", json("toUserId", w.other().userId(),
                "actingUserId", w.staff().userId())), 403, "approval.not_assignee");
        // A person cannot act for someone else either.
        assertRefused(w.staff().api().post("/api/v1/approval-tasks/" + task + "/decision", json("result", "agree",
                "actingUserId", w.boss().userId())), 403, "approval.acting_user_forbidden");

        JsonNode unchanged = instance(w.staff().api(), id);
        assertThat(unchanged.get("status").asText()).isEqualTo("RUNNING");
        assertThat(operations(unchanged)).containsExactly("START_PROCESS_INSTANCE");
        assertThat(runningAssignees(unchanged)).containsExactly(w.boss().userId());
    }

    @Test
    void scopesDecideWhatAnAppMayDo() {
        World w = world();
        String id = submitLeave(w.staff().api(), w.code(), 1);
        long task = pendingTask(w.boss().api(), w.boss().userId(), id);
        Api none = app(w.org(), "user.read");
        Api reader = app(w.org(), "approval.read");

        assertRefused(submitRaw(none, json("processCode", w.code(), "originatorUserId", w.staff().userId(),
                "formValues", values("reason", "x"))), 403, "openplatform.scope_missing");
        assertRefused(none.get("/api/v1/approvals/" + id), 403, "openplatform.scope_missing");
        assertRefused(none.get("/api/v1/approvals"), 403, "openplatform.scope_missing");

        assertThat(reader.get("/api/v1/approvals/" + id).status()).isEqualTo(200);
        assertThat(texts(reader.get("/api/v1/approvals?processCode=" + w.code()).json().get("items"), "instanceId"))
                .containsExactly(id);
        assertRefused(reader.post("/api/v1/approval-tasks/" + task + "/decision", json("result", "agree",
                "actingUserId", w.boss().userId())), 403, "openplatform.scope_missing");
        assertRefused(submitRaw(reader, json("processCode", w.code(), "originatorUserId", w.staff().userId(),
                "formValues", values("reason", "x"))), 403, "openplatform.scope_missing");
        assertRefused(reader.post("/api/v1/approvals/" + id + "/terminate", json()), 403,
                "openplatform.scope_missing");
        // Apps have no tasks of their own, nor may they withdraw or comment for people.
        assertRefused(reader.get("/api/v1/approval-tasks"), 403, "openplatform.people_only");
        assertRefused(reader.post("/api/v1/approvals/" + id + "/withdraw", json()), 403, "openplatform.people_only");

        JsonNode unchanged = instance(w.staff().api(), id);
        assertThat(operations(unchanged)).containsExactly("START_PROCESS_INSTANCE");
        assertThat(runningAssignees(unchanged)).containsExactly(w.boss().userId());
    }

    @Test
    void anotherOrganisationsAppFindsNothing() {
        World w = world();
        String id = submitLeave(w.staff().api(), w.code(), 1);
        long task = pendingTask(w.boss().api(), w.boss().userId(), id);
        Org elsewhere = newOrganisation();
        Person theirs = person(elsewhere, "Pat Fu");
        Api stranger = app(elsewhere, "approval.read", "approval.write");

        assertRefused(stranger.get("/api/v1/approvals/" + id), 404, "approval.instance_not_found");
        assertRefused(stranger.post("/api/v1/approval-tasks/" + task + "/decision", json("result", "agree",
                "actingUserId", w.boss().userId())), 404, "approval.task_not_found");
        assertRefused(submitRaw(stranger, json("processCode", w.code(), "originatorUserId", w.staff().userId(),
                "formValues", values("reason", "x"))), 400, "approval.originator_unknown");
        assertRefused(submitRaw(stranger, json("processCode", w.code(), "originatorUserId", theirs.userId(),
                "formValues", values("reason", "x"))), 404, "approval.template_not_found");
        assertRefused(stranger.post("/api/v1/approvals/" + id + "/terminate", json()), 404,
                "approval.instance_not_found");
        assertThat(instance(w.staff().api(), id).get("status").asText()).isEqualTo("RUNNING");
    }

    private long instances(Org org) {
        return count("select count(*) from apr_instance where tenant_id = ?", tenantId(org));
    }

    private static void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.code()).as(response.body()).isEqualTo(code);
    }
}
