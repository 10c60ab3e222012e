package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forms, process checks and conditions through the HTTP API: refusals name each field and code, and store nothing. */
class ApprovalFormsApiTest extends ApprovalApiTestSupport {

    @Test
    void anInvalidFormDefinitionIsRefusedWithEachPathAndCode() {
        Org org = newOrganisation();
        Person hr = admin(org);
        List<Map<String, Object>> form = List.of(
                json("id", "reason", "type", "TextField", "label", "Reason", "options", List.of("a")),
                json("id", "reason", "type", "NumberField", "label", "Days", "min", 5, "max", 1),
                json("id", "kind", "type", "DDSelectField", "label", "Kind", "options", List.of()),
                json("id", "items", "type", "TableField", "label", "Items",
                        "children", List.of(json("id", "inner", "type", "TableField", "label", "Inner",
                                "children", List.of(json("id", "x", "type", "TextField", "label", "X"))))));

        var response = hr.api().post("/api/v1/approval-templates", json("name", "Claims", "form", form,
                "process", List.of(approverStep("lead", "SEQUENTIAL", hr.userId()))));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("approval.template_invalid");
        assertThat(errors(response.json())).containsExactly(
                "form[0].options approval.component_property_unexpected",
                "form[1].id approval.component_id_duplicate",
                "form[1].max approval.component_range_invalid",
                "form[2].options approval.component_options_invalid",
                "form[3].children[0].type approval.component_children_invalid");
        assertNoTemplates(org, hr);
    }

    @Test
    void aProcessThatCouldNeverReachTheEndIsRefused() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Map<String, Object> noDefault = branchStep("route",
                branch("big", fieldCondition("days", "GT", "3"), List.of(approverStep("boss", "SEQUENTIAL",
                        hr.userId()))),
                branch("small", fieldCondition("days", "LE", "3"), List.of()));
        Map<String, Object> unusable = branchStep("route2",
                branch("ghost", fieldCondition("ghost", "EQ", "1"), List.of()),
                branch("text", fieldCondition("reason", "GT", "a"), List.of()),
                branch("other", null, List.of()));

        var response = hr.api().post("/api/v1/approval-templates",
                template("Leave", List.of(noDefault, unusable)));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("approval.template_invalid");
        assertThat(errors(response.json())).containsExactly(
                "process[0].branches approval.process_unreachable_end",
                "process[1].branches[0].condition approval.process_unreachable_end",
                "process[1].branches[1].condition approval.process_unreachable_end");
        assertNoTemplates(org, hr);
    }

    @Test
    void aChangeThatWouldStrandSubmissionsKeepsTheCurrentVersion() {
        Org org = newOrganisation();
        Person hr = admin(org);
        String code = createTemplate(hr.api(), template("Leave",
                List.of(approverStep("lead", "SEQUENTIAL", hr.userId()))));

        var response = hr.api().put("/api/v1/approval-templates/" + code, template("Leave", List.of(
                branchStep("route", branch("a", fieldCondition("days", "CONTAINS_ANY", "1"), List.of()),
                        branch("b", null, List.of()), branch("c", null, List.of())))));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(errors(response.json())).containsExactly(
                "process[0].branches[0].condition approval.process_unreachable_end",
                "process[0].branches[2].condition approval.branch_default_duplicate");
        JsonNode current = hr.api().get("/api/v1/approval-templates/" + code).json();
        assertThat(current.get("latestVersion").asInt()).isEqualTo(1);
        assertThat(auditCount(org, "approval.template.versioned")).isZero();
    }

    @Test
    void anInvalidSubmissionIsRefusedPerFieldAndStoresNothing() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Fay Lo");
        String code = createTemplate(hr.api(), json("name", "Claims", "form", List.of(
                json("id", "reason", "type", "TextField", "label", "Reason", "required", true),
                json("id", "amount", "type", "MoneyField", "label", "Amount", "required", true, "max", 5000),
                json("id", "kind", "type", "DDSelectField", "label", "Kind", "options", List.of("Taxi", "Meal")),
                json("id", "day", "type", "DDDateField", "label", "Day"),
                json("id", "items", "type", "TableField", "label", "Items", "children", List.of(
                        json("id", "what", "type", "TextField", "label", "What", "required", true),
                        json("id", "cost", "type", "NumberField", "label", "Cost")))),
                "process", List.of(approverStep("lead", "SEQUENTIAL", hr.userId()))));

        var response = submitRaw(staff.api(), json("processCode", code, "formValues", List.of(
                json("id", "amount", "value", "5000.01"),
                json("name", "Kind", "value", "Hotel"),
                json("id", "day", "value", "2024-02-30"),
                json("id", "items", "value",
                        "[[{\"name\":\"What\",\"value\":\"Lunch\"},{\"name\":\"Cost\",\"value\":\"lots\"}],"
                                + "[{\"name\":\"Cost\",\"value\":\"5\"}]]"),
                json("id", "ghost", "value", "boo"))));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("approval.form_invalid");
        assertThat(errors(response.json())).containsExactly("ghost approval.field_unknown",
                "reason approval.field_required", "amount approval.field_out_of_range",
                "kind approval.field_not_an_option", "day approval.field_date_invalid",
                "items[0].cost approval.field_not_a_number", "items[1].what approval.field_required");
        assertThat(jdbc.sql("select count(*) from apr_instance where tenant_id = :t").param("t", tenantId(org))
                .query(Long.class).single()).isZero();
        assertThat(auditCount(org, "approval.instance.submitted")).isZero();
    }

    @Test
    void aSubmissionInTheOldSdksEncodingsIsStoredInDingTalksEncodings() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Gus Ma");
        String code = createTemplate(hr.api(), json("name", "Trip", "form", List.of(
                json("id", "amount", "type", "MoneyField", "label", "Amount", "required", true),
                json("id", "tags", "type", "DDMultiSelectField", "label", "Tags", "options", List.of("Air", "Rail")),
                json("id", "period", "type", "DDDateRangeField", "label", "Period"),
                json("id", "who", "type", "InnerContactField", "label", "Who")),
                "process", List.of(approverStep("lead", "SEQUENTIAL", hr.userId()))));

        JsonNode submitted = submit(staff.api(), code, List.of(json("name", "Amount", "value", "1,200.50"),
                json("name", "Tags", "value", "Rail,Air"), json("id", "period", "value", "2024-05-01,2024-05-03"),
                json("id", "who", "value", hr.userId())));

        assertThat(texts(submitted.get("formValues"), "value")).containsExactly("1200.50", "[\"Rail\",\"Air\"]",
                "[\"2024-05-01\",\"2024-05-03\"]", "[\"" + hr.userId() + "\"]");
        assertThat(texts(submitted.get("formValues"), "componentType")).containsExactly("MoneyField",
                "DDMultiSelectField", "DDDateRangeField", "InnerContactField");
    }

    @Test
    void branchConditionsRouteEachSubmission() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person staff = person(org, "Hoi Ng");
        Person lead = person(org, "Ivy Ou");
        Person boss = person(org, "Jay Pak");
        String code = createTemplate(hr.api(), template("Leave", List.of(branchStep("route",
                branch("long", json("type", "allOf", "conditions", List.of(fieldCondition("days", "GT", "3"),
                        json("type", "anyOf", "conditions", List.of(fieldCondition("days", "LE", "10"),
                                fieldCondition("days", "BETWEEN", "20", "30"))))),
                        List.of(approverStep("boss", "SEQUENTIAL", boss.userId()))),
                branch("short", null, List.of(approverStep("lead", "SEQUENTIAL", lead.userId())))))));

        assertThat(runningAssignees(submit(staff.api(), code, values("reason", "Trip", "days", "4"))))
                .containsExactly(boss.userId());
        assertThat(runningAssignees(submit(staff.api(), code, values("reason", "Trip", "days", "25.0"))))
                .containsExactly(boss.userId());
        assertThat(runningAssignees(submit(staff.api(), code, values("reason", "Trip", "days", "3"))))
                .containsExactly(lead.userId());
        assertThat(runningAssignees(submit(staff.api(), code, values("reason", "Trip", "days", "15"))))
                .containsExactly(lead.userId());
        assertThat(runningAssignees(submit(staff.api(), code, values("reason", "Trip"))))
                .as("an unanswered field takes the default").containsExactly(lead.userId());
    }

    @Test
    void anotherOrganisationsTemplateIsNotFound() {
        Org org = newOrganisation();
        Person hr = admin(org);
        String code = createTemplate(hr.api(), template("Leave",
                List.of(approverStep("lead", "SEQUENTIAL", hr.userId()))));
        Org other = newOrganisation();
        Person stranger = person(other, "Kit Yu");

        var response = submitRaw(stranger.api(), json("processCode", code, "formValues", values("ghost", "x")));

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from apr_instance where tenant_id = :t").param("t", tenantId(other))
                .query(Long.class).single()).isZero();
    }

    private void assertNoTemplates(Org org, Person hr) {
        JsonNode list = hr.api().get("/api/v1/approval-templates?includeDisabled=true").json();
        assertThat(list).isEmpty();
        assertThat(auditCount(org, "approval.template.created")).isZero();
    }

    private static List<String> errors(JsonNode problem) {
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.get("field").asText() + " " + e.get("code").asText()));
        return errors;
    }
}
