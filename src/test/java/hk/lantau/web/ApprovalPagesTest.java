package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.approval.ApprovalApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The approval pages over HTTP without a browser: submitting from the form with refused answers
 * kept, deciding from the task list and the approval's page, what each person may see and do, and
 * the CSRF check.
 */
class ApprovalPagesTest extends ApprovalApiTestSupport {

    private PageClient pages(Person person) {
        PageClient page = new PageClient(baseUrl());
        page.signIn(person.email(), PASSWORD, () -> totpCode(person.email()));
        return page;
    }

    private static Map<String, Object> leaveTemplate(String name, Person approver) {
        Map<String, Object> definition = template(name, List.of(approverStep("lead", "SEQUENTIAL", approver.userId())));
        definition.put("form", List.of(
                json("id", "reason", "type", "TextField", "label", "Reason", "required", true),
                json("id", "days", "type", "NumberField", "label", "Days", "required", true, "min", 0.5, "max", 30),
                json("id", "kind", "type", "DDSelectField", "label", "Kind", "options", List.of("Annual", "Sick")),
                json("id", "when", "type", "DDDateRangeField", "label", "When"),
                json("id", "costs", "type", "TableField", "label", "Costs", "children", List.of(
                        json("id", "item", "type", "TextField", "label", "Item"),
                        json("id", "amount", "type", "MoneyField", "label", "Amount")))));
        return definition;
    }

    @Test
    void aRefusedSubmissionKeepsItsValuesAndTheManagerApprovesFromTheTaskList() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Ada Lam");
        Person boss = person(org, "Ben Chow");
        String code = createTemplate(hr.api(), leaveTemplate("Annual leave", boss));

        PageClient ada = pages(staff);
        var start = ada.get("/approvals");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.body()).contains("Annual leave", "/approvals/new/" + code, "Leave");
        var form = ada.get("/approvals/new/" + code);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"v.reason\"", "name=\"v.when.start\"", "name=\"v.costs.0.amount\"",
                "HKD");

        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("v.reason", "Family trip"),
                Map.entry("v.days", "45"), Map.entry("v.kind", "Annual"), Map.entry("v.when.start", "2026-12-01"),
                Map.entry("v.when.end", "2026-12-03"), Map.entry("rows.costs", "1"),
                Map.entry("v.costs.0.item", "Taxi"), Map.entry("v.costs.0.amount", "abc"),
                Map.entry("clientRequestId", "page-test-1")));
        var refused = ada.postAll("/approvals/new/" + code, fields);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-test=\"form-errors\"", "value=\"Family trip\"", "value=\"45\"",
                "value=\"Taxi\"", "value=\"2026-12-03\"", "data-field=\"days\"");
        assertThat(fieldError(refused.body(), "days")).isTrue();
        assertThat(fieldError(refused.body(), "costs[0].amount")).isTrue();
        assertThat(mine(staff)).isEmpty();

        fields.add(Map.entry("addRow", "costs"));
        var twoRows = ada.postAll("/approvals/new/" + code, fields);
        assertThat(twoRows.status()).isEqualTo(200);
        assertThat(twoRows.body()).contains("name=\"v.costs.1.amount\"", "value=\"Taxi\"");
        assertThat(mine(staff)).isEmpty();

        fields.removeIf(e -> e.getKey().equals("addRow") || e.getKey().equals("v.days")
                || e.getKey().equals("v.costs.0.amount"));
        fields.add(Map.entry("v.days", "3"));
        fields.add(Map.entry("v.costs.0.amount", "120.50"));
        var submitted = ada.postAll("/approvals/new/" + code, fields);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
        assertThat(submitted.location()).contains("?done=submitted");
        String instanceId = submitted.location().replaceAll(".*/approvals/([^?]+)\\?.*", "$1");
        // The same form sent again (a double click) is stored once.
        assertThat(ada.postAll("/approvals/new/" + code, fields).location()).contains(instanceId);
        assertThat(mine(staff)).hasSize(1);
        JsonNode stored = instance(staff.api(), instanceId);
        assertThat(stored.get("formValues").toString()).contains("2026-12-01", "120.5", "Taxi");

        var shown = ada.get("/approvals/" + instanceId + "?done=submitted");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Submitted. You can follow it here.");
        assertThat(ada.get("/approvals/" + instanceId + "?done=%3Cx%3E").status()).isEqualTo(200);
        assertThat(shown.body()).contains("Ada Lam", "Family trip", "Taxi", "In progress", "Ben Chow", "to decide",
                "data-test=\"withdraw\"").doesNotContain("data-test=\"approve\"", "data-test=\"terminate\"");

        PageClient ben = pages(boss);
        var tasks = ben.get("/approvals/tasks");
        assertThat(tasks.body()).contains("Ada Lam", "data-test=\"approve\"");
        long taskId = pendingTask(boss.api(), boss.userId(), instanceId);
        var approved = ben.post("/approvals/tasks/" + taskId + "/decide", Map.of("result", "agree",
                "remark", "Enjoy", "instanceId", instanceId, "back", "tasks"));
        assertThat(approved.location()).endsWith("/approvals/tasks?done=agreed");
        assertThat(ben.get("/approvals/tasks?tab=done").body()).contains("Ada Lam");

        var done = ada.get("/approvals/" + instanceId);
        assertThat(done.body()).contains("Approved", "Enjoy").doesNotContain("data-test=\"withdraw\"");
        assertThat(ada.get("/approvals/" + instanceId + "?lang=zh-HK").body()).contains("已批准", "審批記錄");

        var again = ben.post("/approvals/tasks/" + taskId + "/decide", Map.of("result", "refuse",
                "instanceId", instanceId));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("data-test=\"action-error\"");
        assertThat(instance(staff.api(), instanceId).get("result").asText()).isEqualTo("agree");
    }

    @Test
    void otherOrganisationsAndOtherPeoplesApprovalsAreNotFound() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Cat Ho");
        Person boss = person(org, "Dan Ip");
        Person stranger = person(org, "Eve Ko");
        String code = createTemplate(hr.api(), template("Overtime",
                List.of(approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String instanceId = submitLeave(staff.api(), code, 2);
        long taskId = pendingTask(boss.api(), boss.userId(), instanceId);

        Org other = newOrganisation();
        Person outsider = admin(other);
        PageClient them = pages(outsider);
        assertThat(them.get("/approvals/" + instanceId).status()).isEqualTo(404);
        assertThat(them.get("/approvals/new/" + code).status()).isEqualTo(404);
        assertThat(them.get("/admin/approval-templates/" + code).status()).isEqualTo(404);
        assertThat(them.post("/approvals/tasks/" + taskId + "/decide", Map.of("result", "agree")).status())
                .isEqualTo(404);
        assertThat(them.post("/approvals/" + instanceId + "/terminate", Map.of()).status()).isEqualTo(404);

        PageClient eve = pages(stranger);
        assertThat(eve.get("/approvals/" + instanceId).status()).isEqualTo(404);
        assertThat(eve.post("/approvals/" + instanceId + "/withdraw", Map.of()).status()).isEqualTo(404);
        assertThat(eve.post("/approvals/tasks/" + taskId + "/decide", Map.of("result", "agree")).status())
                .isEqualTo(404);
        assertThat(instance(staff.api(), instanceId).get("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void adminPagesNeedTheirPermissionAndFormsNeedTheirToken() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Fay Lo");
        Person boss = person(org, "Gus Ma");
        String code = createTemplate(hr.api(), template("Training",
                List.of(approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String instanceId = submitLeave(staff.api(), code, 1);

        PageClient fay = pages(staff);
        var all = fay.get("/admin/approvals");
        assertThat(all.status()).isEqualTo(403);
        assertThat(all.body()).contains("approval.read");
        assertThat(fay.get("/admin/approval-templates").status()).isEqualTo(403);
        assertThat(fay.get("/approvals").body()).doesNotContain("/admin/approvals\"", "/admin/approval-templates\"");
        var terminate = fay.post("/approvals/" + instanceId + "/terminate", Map.of());
        assertThat(terminate.status()).isEqualTo(403);
        assertThat(terminate.body()).contains("approval.manage");

        var noToken = fay.postRaw("/approvals/" + instanceId + "/withdraw", Map.of());
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(instance(staff.api(), instanceId).get("status").asText()).isEqualTo("RUNNING");
        assertThat(fay.post("/approvals/" + instanceId + "/withdraw", Map.of()).location())
                .endsWith("?done=withdrawn");
        assertThat(instance(staff.api(), instanceId).get("status").asText()).isEqualTo("CANCELED");

        PageClient admin = pages(hr);
        var list = admin.get("/admin/approvals?status=CANCELED&processCode=" + code);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Fay Lo", "Withdrawn");
        assertThat(admin.get("/admin/approvals?status=RUNNING&processCode=" + code).body())
                .contains("No approval matches").doesNotContain("data-test=\"all-approvals\"");
    }

    @Test
    void theEditorBuildsATemplateWithABranchAndShowsRefusalsWhereTheyAre() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person boss = person(org, "Hal Ng");
        PageClient admin = pages(hr);
        var blank = admin.get("/admin/approval-templates/new");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("data-test=\"template-editor\"", "name=\"form[0].label\"",
                "name=\"process[0].approvers.kind\"");

        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("name", ""), Map.entry("groupName", "Leave"),
                Map.entry("form[0].id", "days"), Map.entry("form[0].type", "NumberField"),
                Map.entry("form[0].label", "Days"), Map.entry("form[0].required", "on"),
                Map.entry("_form[0].required", "on"),
                Map.entry("process[0].type", "approver"), Map.entry("process[0].id", "step1"),
                Map.entry("process[0].name", "Manager"), Map.entry("process[0].approvers.kind", "USERS"),
                Map.entry("process[0].approvers.userIds", boss.userId()),
                Map.entry("process[0].mode", "SEQUENTIAL")));
        var withBranch = admin.postAll("/admin/approval-templates/new", with(fields, "action", "addStep:process:branch"));
        assertThat(withBranch.status()).isEqualTo(200);
        assertThat(withBranch.body()).contains("name=\"process[1].branches[0].clauses[0].operator\"",
                "name=\"process[1].branches[1].fallback\"", "value=\"Days\"", "value=\"branch1\"",
                "value=\"branch2\"");

        fields.addAll(List.of(Map.entry("process[1].type", "branch"), Map.entry("process[1].id", "step2"),
                Map.entry("process[1].name", "Long leave"),
                Map.entry("process[1].branches[0].id", "branch1"), Map.entry("process[1].branches[0].name", "Over 3 days"),
                Map.entry("_process[1].branches[0].fallback", "on"), Map.entry("process[1].branches[0].match", "ALL"),
                Map.entry("process[1].branches[0].clauses[0].kind", "field"),
                Map.entry("process[1].branches[0].clauses[0].fieldId", "days"),
                Map.entry("process[1].branches[0].clauses[0].operator", "GT"),
                Map.entry("process[1].branches[0].clauses[0].values", "3"),
                Map.entry("process[1].branches[0].steps[0].type", "approver"),
                Map.entry("process[1].branches[0].steps[0].id", "step3"),
                Map.entry("process[1].branches[0].steps[0].name", "HR"),
                Map.entry("process[1].branches[0].steps[0].approvers.kind", "USERS"),
                Map.entry("process[1].branches[0].steps[0].approvers.userIds", hr.userId()),
                Map.entry("process[1].branches[1].id", "branch2"), Map.entry("process[1].branches[1].name", "Otherwise"),
                Map.entry("process[1].branches[1].fallback", "on"), Map.entry("_process[1].branches[1].fallback", "on")));
        var refused = admin.postAll("/admin/approval-templates/new", with(fields, "action", "save"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-test=\"editor-errors\"", "value=\"Over 3 days\"", "value=\"3\"");
        assertThat(Jsoup.parse(refused.body()).selectFirst("#name").parent().hasClass("has-error")).isTrue();

        fields.set(0, Map.entry("name", "Annual leave"));
        var saved = admin.postAll("/admin/approval-templates/new", with(fields, "action", "save"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        String code = saved.location().replaceAll(".*/admin/approval-templates/([^?]+)\\?.*", "$1");
        JsonNode template = hr.api().get("/api/v1/approval-templates/" + code).json();
        JsonNode branch = template.at("/definition/process/1/branches/0");
        assertThat(branch.at("/condition/operator").asText()).isEqualTo("GT");
        assertThat(branch.at("/steps/0/approvers/userIds/0").asText()).isEqualTo(hr.userId());
        assertThat(template.at("/definition/process/1/branches/1/condition").isMissingNode()
                || template.at("/definition/process/1/branches/1/condition").isNull()).isTrue();

        var edit = admin.get("/admin/approval-templates/" + code);
        assertThat(edit.body()).contains("value=\"Over 3 days\"", "Version 1", "/versions/1/bpmn");
        var bpmn = admin.get("/admin/approval-templates/" + code + "/versions/1/bpmn");
        assertThat(bpmn.status()).isEqualTo(200);
        assertThat(bpmn.body()).contains("<definitions");
        assertThat(admin.post("/admin/approval-templates/" + code + "/disable", Map.of()).location())
                .endsWith("?done=disabled");
        assertThat(hr.api().get("/api/v1/approval-templates/" + code).json().get("enabled").asBoolean()).isFalse();
        assertThat(pages(boss).get("/approvals/new/" + code).status()).isEqualTo(404);
        assertThat(admin.get("/admin/approval-templates?lang=zh-HK").body()).contains("審批範本", "已停用");

        List<Map.Entry<String, String>> versioned = with(with(with(fields, "variables[0].key", "costCentre"),
                "variables[0].label", "Cost centre"), "variables[0].defaultValue", "HQ");
        assertThat(admin.postAll("/admin/approval-templates/" + code, with(versioned, "action", "save")).location())
                .endsWith("?done=saved");
        assertThat(admin.get("/admin/approval-templates/" + code + "?lang=en").body()).contains("Version 2", "/versions/2/bpmn",
                "Values per department");
        assertThat(admin.post("/admin/approval-templates/" + code + "/variables", Map.of("key", "costCentre",
                "departmentId", "1", "value", "CC-100")).location()).contains("done=variable");
        assertThat(admin.get("/admin/approval-templates/" + code).body()).contains("CC-100");
        var outsider = pages(admin(newOrganisation()));
        assertThat(outsider.post("/admin/approval-templates/" + code + "/variables", Map.of("key", "costCentre",
                "departmentId", "1", "value", "X")).status()).isEqualTo(404);
        assertThat(outsider.get("/admin/approval-templates/" + code + "/versions/1/bpmn").status()).isEqualTo(404);
    }

    @Test
    void theApproverTransfersAnyoneCommentsAndAnAdminTerminates() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Jo Yip");
        Person boss = person(org, "Kit Lau");
        Person deputy = person(org, "Lee Sze");
        String code = createTemplate(hr.api(), template("Travel",
                List.of(approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String instanceId = submitLeave(staff.api(), code, 2);
        long taskId = pendingTask(boss.api(), boss.userId(), instanceId);

        PageClient kit = pages(boss);
        var page = kit.get("/approvals/" + instanceId);
        assertThat(page.body()).contains("data-test=\"decide\"", "Transfer to someone else", "Lee Sze");
        var unknown = kit.post("/approvals/tasks/" + taskId + "/transfer", Map.of("to", "nobody-here",
                "instanceId", instanceId));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("data-test=\"action-error\"");
        assertThat(runningAssignees(instance(staff.api(), instanceId))).containsExactly(boss.userId());
        var moved = kit.post("/approvals/tasks/" + taskId + "/transfer", Map.of("to", deputy.userId(),
                "remark", "I am away", "instanceId", instanceId));
        assertThat(moved.location()).endsWith("?done=transferred");
        assertThat(runningAssignees(instance(staff.api(), instanceId))).containsExactly(deputy.userId());
        assertThat(pages(deputy).get("/approvals/tasks").body()).contains("Jo Yip");

        PageClient jo = pages(staff);
        jo.get("/approvals/" + instanceId);
        assertThat(jo.post("/approvals/" + instanceId + "/comments", Map.of("text", "Itinerary to follow"))
                .location()).contains("?done=commented");
        PageClient admin = pages(hr);
        var shown = admin.get("/approvals/" + instanceId);
        assertThat(shown.body()).contains("Itinerary to follow", "I am away", "data-test=\"terminate\"");
        assertThat(admin.post("/approvals/" + instanceId + "/terminate", Map.of("remark", "Trip cancelled"))
                .location()).endsWith("?done=terminated");
        assertThat(instance(staff.api(), instanceId).get("status").asText()).isEqualTo("TERMINATED");
        assertThat(jo.get("/approvals/" + instanceId).body()).contains("Terminated", "Trip cancelled");
    }

    @Test
    void anAdminInstallsAReadyMadeTemplate() {
        Org org = newOrganisation();
        Person hr = admin(org);
        PageClient admin = pages(hr);
        var list = admin.get("/admin/approval-templates");
        assertThat(list.body()).contains("Ready-made templates", "data-test=\"preset-");
        String key = list.body().replaceAll("(?s).*data-test=\"preset-([^\"]+)\".*", "$1");
        var installed = admin.post("/admin/approval-templates/presets/" + key, Map.of());
        assertThat(installed.status()).as(installed.body()).isEqualTo(302);
        assertThat(installed.location()).contains("done=installed");
        var again = admin.post("/admin/approval-templates/presets/" + key, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("data-test=\"preset-error\"");
        assertThat(admin.get(installed.location().replaceAll("^https?://[^/]+", "")).status()).isEqualTo(200);
        assertThat(pages(person(org, "Ivy Ho")).post("/admin/approval-templates/presets/" + key, Map.of()).status())
                .isEqualTo(403);
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name,
                                                        String value) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry(name, value));
        return all;
    }

    private List<JsonNode> mine(Person person) {
        List<JsonNode> items = new ArrayList<>();
        person.api().get("/api/v1/approvals?mine=true").json().get("items").forEach(items::add);
        return items;
    }

    /** Whether the field at the module's path is shown with an error next to it. */
    private static boolean fieldError(String html, String path) {
        org.jsoup.nodes.Document doc = Jsoup.parse(html);
        var field = doc.selectFirst("[data-field=\"" + path + "\"]");
        return field != null && field.hasClass("has-error") && !field.select(".field-error").isEmpty();
    }
}
