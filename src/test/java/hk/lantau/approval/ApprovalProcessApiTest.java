package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The process as the designer nests it: modes, CCs, branches, variables, managers, roles and the special rules. */
class ApprovalProcessApiTest extends ApprovalApiTestSupport {

    @Test
    void countersignNeedsEveryoneAndOrSignTheFirst() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Fay Lo");
        Person a = person(org, "Gus Ma");
        Person b = person(org, "Hal Ng");
        Person c = person(org, "Ivy Or");
        String code = createTemplate(hr.api(), template("Purchase", List.of(
                approverStep("all", "COUNTERSIGN", a.userId(), b.userId()),
                approverStep("any", "OR_SIGN", b.userId(), c.userId()))));
        String id = submitLeave(staff.api(), code, 2);
        assertThat(runningAssignees(instance(staff.api(), id))).containsExactlyInAnyOrder(a.userId(), b.userId());

        JsonNode afterA = decide(a.api(), pendingTask(a.api(), a.userId(), id), "agree");
        assertThat(runningAssignees(afterA)).containsExactly(b.userId());
        JsonNode afterB = decide(b.api(), pendingTask(b.api(), b.userId(), id), "agree");
        assertThat(runningAssignees(afterB)).containsExactlyInAnyOrder(b.userId(), c.userId());

        JsonNode done = decide(c.api(), pendingTask(c.api(), c.userId(), id), "agree");
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("result").asText()).isEqualTo("agree");
        JsonNode lastOfB = done.get("tasks").get(done.get("tasks").size() - 2);
        assertThat(lastOfB.get("userId").asText()).isEqualTo(b.userId());
        assertThat(lastOfB.get("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void sequentialApproversDecideInOrder() {
        Org org = newOrganisation();
        Person staff = person(org, "Jay Pau");
        Person a = person(org, "Kit Que");
        Person b = person(org, "Lee Ru");
        String code = createTemplate(admin(org).api(), template("Travel",
                List.of(approverStep("chain", "SEQUENTIAL", b.userId(), a.userId()))));
        String id = submitLeave(staff.api(), code, 1);
        assertThat(runningAssignees(instance(staff.api(), id))).containsExactly(b.userId());
        JsonNode next = decide(b.api(), pendingTask(b.api(), b.userId(), id), "agree");
        assertThat(runningAssignees(next)).containsExactly(a.userId());
        assertThat(decide(a.api(), pendingTask(a.api(), a.userId(), id), "agree").get("status").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void ccRecipientsAreCopiedAndSeeTheApproval() {
        Org org = newOrganisation();
        Person staff = person(org, "May Sze");
        Person boss = person(org, "Ned Tam");
        Person watcher = person(org, "Ola Un");
        Person stranger = person(org, "Pat Va");
        String code = createTemplate(admin(org).api(), template("Expense", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()), ccStep("finance", watcher.userId()))));
        String id = submitLeave(staff.api(), code, 1);
        assertThat(watcher.api().get("/api/v1/approvals/" + id).status()).isEqualTo(404);
        assertThat(stranger.api().get("/api/v1/approvals/" + id).status()).isEqualTo(404);

        JsonNode done = decide(boss.api(), pendingTask(boss.api(), boss.userId(), id), "agree");
        assertThat(texts(done.get("ccUserIds"), null)).containsExactly(watcher.userId());
        assertThat(operations(done)).contains("PROCESS_CC");
        assertThat(instance(watcher.api(), id).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(stranger.api().get("/api/v1/approvals/" + id).status()).isEqualTo(404);
    }

    @Test
    void nestedBranchesChooseByFormValueAndDepartmentWithADefault() {
        Org org = newOrganisation();
        long sales = createDepartment(org.admin(), "Sales", 1L);
        Person inSales = person(org, "Quin Wu", Map.of("departmentIds", List.of(sales)));
        Person elsewhere = person(org, "Rae Xu");
        Person small = person(org, "Sam Yu");
        Person bigSales = person(org, "Tia Zee");
        Person bigOther = person(org, "Uma Au");
        Map<String, Object> bigBranch = branch("big", fieldCondition("days", "GT", "3"), List.of(
                branchStep("who",
                        branch("sales", Map.of("type", "department", "departmentIds", List.of(sales)),
                                List.of(approverStep("salesHead", "SEQUENTIAL", bigSales.userId()))),
                        branch("others", null, List.of(approverStep("otherHead", "SEQUENTIAL",
                                bigOther.userId()))))));
        String code = createTemplate(admin(org).api(), template("Leave", List.of(
                branchStep("size", bigBranch, branch("small", null, List.of(approverStep("lead", "SEQUENTIAL",
                        small.userId())))))));

        assertThat(runningAssignees(instance(inSales.api(), submitLeave(inSales.api(), code, 5))))
                .containsExactly(bigSales.userId());
        assertThat(runningAssignees(instance(elsewhere.api(), submitLeave(elsewhere.api(), code, 5))))
                .containsExactly(bigOther.userId());
        assertThat(runningAssignees(instance(inSales.api(), submitLeave(inSales.api(), code, 2))))
                .containsExactly(small.userId());
    }

    @Test
    void variablesAreSetPerDepartmentAndUsedInConditionsAndTitles() {
        Org org = newOrganisation();
        Person hr = admin(org);
        long ops = createDepartment(org.admin(), "Operations", 1L);
        long depot = createDepartment(org.admin(), "Depot", ops);
        Person atDepot = person(org, "Vic Bo", Map.of("departmentIds", List.of(depot)));
        Person atRoot = person(org, "Wai Ca");
        Person strict = person(org, "Xia Do");
        Person lenient = person(org, "Yan Ea");
        Map<String, Object> definition = template("Claim", List.of(branchStep("limit",
                branch("strict", Map.of("type", "variable", "key", "region", "operator", "EQ", "values",
                        List.of("NT")), List.of(approverStep("strictOne", "SEQUENTIAL", strict.userId()))),
                branch("rest", null, List.of(approverStep("lenientOne", "SEQUENTIAL", lenient.userId()))))));
        definition.put("variables", List.of(json("key", "region", "label", "Region", "defaultValue", "HK")));
        definition.put("titleTemplate", "${templateName} (${var.region}) ${field.reason}");
        String code = createTemplate(hr.api(), definition);
        var set = hr.api().put("/api/v1/approval-templates/" + code + "/variables",
                json("key", "region", "departmentId", ops, "value", "NT"));
        assertThat(set.status()).as(set.body()).isEqualTo(204);

        JsonNode depotClaim = submit(atDepot.api(), code, values("reason", "Taxi"));
        assertThat(depotClaim.get("title").asText()).isEqualTo("Claim (NT) Taxi");
        assertThat(runningAssignees(depotClaim)).containsExactly(strict.userId());
        JsonNode rootClaim = submit(atRoot.api(), code, values("reason", "Bus"));
        assertThat(rootClaim.get("title").asText()).isEqualTo("Claim (HK) Bus");
        assertThat(runningAssignees(rootClaim)).containsExactly(lenient.userId());
        assertThat(hr.api().get("/api/v1/approval-templates/" + code + "/variables").json()).hasSize(1);
        assertThat(auditCount(org, "approval.template.variable")).isEqualTo(1);
    }

    @Test
    void managerLevelsWalkUpAndStopAtTheTop() {
        Org org = newOrganisation();
        Person top = person(org, "Zed Fu");
        Person middle = person(org, "Abe Gi", Map.of("managerUserId", top.userId()));
        Person staff = person(org, "Bea Hu", Map.of("managerUserId", middle.userId()));
        String code = createTemplate(admin(org).api(), template("Loan", List.of(
                approverStep("first", json("kind", "MANAGER", "managerLevel", 1)),
                approverStep("third", json("kind", "MANAGER", "managerLevel", 3)))));
        String id = submitLeave(staff.api(), code, 1);
        assertThat(runningAssignees(instance(staff.api(), id))).containsExactly(middle.userId());
        JsonNode next = decide(middle.api(), pendingTask(middle.api(), middle.userId(), id), "agree");
        assertThat(runningAssignees(next)).containsExactly(top.userId());
    }

    @Test
    void roleHoldersApproveAndNobodyFoundSkipsOrGoesToTheAdmin() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person holder = person(org, "Cy Iu", Map.of("roleKeys", List.of("hr")));
        Person staff = person(org, "Di Jo");
        Map<String, Object> definition = template("Badge", List.of(
                approverStep("nobody", json("kind", "MANAGER", "managerLevel", 1)),
                approverStep("toAdmin", json("kind", "MANAGER", "managerLevel", 2), "ifEmpty", "TO_ADMIN"),
                approverStep("role", json("kind", "ROLE", "roleKey", "hr"))));
        definition.put("fallbackApproverUserId", hr.userId());
        String code = createTemplate(hr.api(), definition);
        String id = submitLeave(staff.api(), code, 1);
        JsonNode started = instance(staff.api(), id);
        assertThat(operations(started)).containsExactly("START_PROCESS_INSTANCE", "EXECUTE_TASK_AUTO");
        assertThat(started.get("operationRecords").get(1).get("activityId").asText()).isEqualTo("nobody");
        assertThat(runningAssignees(started)).containsExactly(hr.userId());
        JsonNode next = decide(hr.api(), pendingTask(hr.api(), hr.userId(), id), "agree");
        assertThat(runningAssignees(next)).containsExactly(holder.userId());
    }

    @Test
    void theOriginatorAsApproverPassesOrGoesToTheirManager() {
        Org org = newOrganisation();
        Person boss = person(org, "Eli Ka");
        Person staff = person(org, "Fox Le", Map.of("managerUserId", boss.userId()));
        String code = createTemplate(admin(org).api(), template("Self", List.of(
                approverStep("own", json("kind", "USERS", "userIds", List.of(staff.userId())), "ifOriginator",
                        "AUTO_PASS"),
                approverStep("mine", json("kind", "USERS", "userIds", List.of(staff.userId())), "ifOriginator",
                        "TO_MANAGER"))));
        String id = submitLeave(staff.api(), code, 1);
        JsonNode started = instance(staff.api(), id);
        assertThat(operations(started)).containsExactly("START_PROCESS_INSTANCE", "EXECUTE_TASK_AUTO");
        assertThat(started.get("tasks").get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(runningAssignees(started)).containsExactly(boss.userId());
    }

    @Test
    void theOriginatorChoosesApproversAtSubmission() {
        Org org = newOrganisation();
        Person staff = person(org, "Gil Ma");
        Person chosen = person(org, "Han No");
        String code = createTemplate(admin(org).api(), template("Pick", List.of(
                approverStep("pick", json("kind", "ORIGINATOR_CHOICE", "choiceKey", "reviewers")))));
        var missing = submitRaw(staff.api(), json("processCode", code, "formValues", values("reason", "x")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asText()).isEqualTo("approval.approver_choice_invalid");
        var submitted = submitRaw(staff.api(), json("processCode", code, "formValues", values("reason", "x"),
                "approverChoices", Map.of("reviewers", List.of(chosen.userId()))));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(runningAssignees(submitted.json())).containsExactly(chosen.userId());
    }
}
