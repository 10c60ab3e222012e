package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.approval.internal.time.TriggerJob;
import hk.lantau.support.Api;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Trigger rules through the API, and the job that fires them: once per person and date, in the
 * organisation's zone, for active people only; failures recorded on the rule and not retried
 * forever. Also: an app with approval.write starts an approval for a person.
 */
class ApprovalTriggersApiTest extends ApprovalTimeApiTestSupport {

    private static final String PATH = "/api/v1/approval-triggers";
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @Autowired
    TriggerJob job;

    @Test
    void aRuleStartsTheApprovalFourteenDaysBeforeTheContractEndsOnceAndNotForSuspendedPeople() {
        Org org = newOrganisation();
        String reviewer = colleague(org, "Rita Reviewer", null, null);
        String manager = colleague(org, "Max Manager", null, null);
        LocalDate today = today();
        String soon = colleague(org, "Sue Soon", manager, today.plusDays(14));
        String later = colleague(org, "Lou Later", manager, today.plusDays(20));
        String suspended = colleague(org, "Sid Suspended", manager, today.plusDays(20));
        assertThat(org.admin().post("/api/v1/users/" + suspended + "/suspend", Map.of()).status()).isEqualTo(200);
        colleague(org, "Nia Nearer", manager, today.plusDays(10));
        String code = createTemplate(org.admin(), salaryTemplate(reviewer));
        JsonNode rule = create(org.admin(), rule("Salary review", code, "MANAGER"));
        assertThat(rule.get("enabled").asBoolean()).isTrue();
        assertThat(auditCount(org, "approval.trigger.created")).isEqualTo(1);

        job.run();
        job.run();
        List<String> started = started(org, code);
        assertThat(started).hasSize(1);
        JsonNode instance = instance(signInAgain(org.adminEmail()), started.get(0));
        assertThat(instance.get("originatorUserId").asText()).isEqualTo(manager);
        assertThat(value(instance, "employee")).isEqualTo("[\"" + soon + "\"]");
        assertThat(value(instance, "reason")).isEqualTo("Contract renewal");
        assertThat(runningAssignees(instance)).containsExactly(reviewer);
        JsonNode read = signInAgain(org.adminEmail()).get(PATH + "/" + rule.get("id").asLong()).json();
        assertThat(read.get("lastInstanceId").asText()).isEqualTo(started.get(0));
        assertThat(read.has("lastError")).isFalse();

        clock.advance(Duration.ofDays(6));
        job.run();
        job.run();
        assertThat(started(org, code)).hasSize(2);
        clock.advance(Duration.ofDays(1));
        job.run();
        List<String> all = started(org, code);
        assertThat(all).hasSize(2);
        assertThat(all.stream().map(id -> value(instance(signInAgain(org.adminEmail()), id), "employee")))
                .containsExactlyInAnyOrder("[\"" + soon + "\"]", "[\"" + later + "\"]");
    }

    @Test
    void aFailedStartIsShownOnTheRuleAndTriedAtMostThreeTimes() {
        Org org = newOrganisation();
        String reviewer = colleague(org, "Ray Reviewer", null, null);
        String subject = colleague(org, "Tom Temp", null, today().plusDays(14));
        String code = createTemplate(org.admin(), salaryTemplate(reviewer));
        long noManager = create(org.admin(), rule("By manager", code, "MANAGER")).get("id").asLong();
        String other = createTemplate(org.admin(), salaryTemplate(reviewer));
        long byDisabled = create(org.admin(), rule("Disabled template", other, "SUBJECT")).get("id").asLong();
        assertThat(org.admin().post("/api/v1/approval-templates/" + other + "/disable", Map.of()).status())
                .as("disable template").isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            job.run();
        }
        assertThat(started(org, code)).isEmpty();
        assertThat(started(org, other)).isEmpty();
        JsonNode first = org.admin().get(PATH + "/" + noManager).json();
        assertThat(first.get("lastError").get("code").asText()).isEqualTo("approval.trigger_no_manager");
        assertThat(first.get("lastError").get("subjectUserId").asText()).isEqualTo(subject);
        JsonNode second = org.admin().get(PATH + "/" + byDisabled).json();
        assertThat(second.get("lastError").get("code").asText()).isEqualTo("approval.template_disabled");
        assertThat(jdbc.sql("select attempts from apr_trigger_run where tenant_id = :t and rule_id = :r")
                .param("t", tenantId(org)).param("r", byDisabled).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aHireAnniversaryRuleStartsForThePersonAsOriginatorOnTheRightDayInTheOrganisationsZone() {
        Org org = newOrganisation();
        assertThat(org.admin().patch("/api/v1/org", Map.of("timeZone", "Europe/London")).status()).isEqualTo(200);
        String reviewer = colleague(org, "Ula Reviewer", null, null);
        LocalDate londonToday = clock.instant().atZone(ZoneId.of("Europe/London")).toLocalDate();
        LocalDate anniversary = londonToday.plusDays(30);
        LocalDate hired = anniversary.minusYears(3);
        if (hired.getMonthValue() == 2 && hired.getDayOfMonth() == 29) {
            hired = hired.minusDays(1);
            anniversary = anniversary.minusDays(1);
        }
        String veteran = createUser(org.admin(), json("name", "Vera Veteran", "email", newEmail("hire"), "mobile",
                newMobile(), "departmentIds", List.of(1L), "hireDate", hired.toString()));
        String code = createTemplate(org.admin(), salaryTemplate(reviewer));
        create(org.admin(), with(with(rule("Anniversary review", code, "SUBJECT"), "dateField", "HIRE_ANNIVERSARY"),
                "daysBefore", (int) (anniversary.toEpochDay() - londonToday.toEpochDay())));

        job.run();
        List<String> started = started(org, code);
        assertThat(started).hasSize(1);
        JsonNode instance = instance(signInAgain(org.adminEmail()), started.get(0));
        assertThat(instance.get("originatorUserId").asText()).isEqualTo(veteran);
        assertThat(value(instance, "employee")).isEqualTo("[\"" + veteran + "\"]");
        clock.advance(Duration.ofDays(1));
        job.run();
        assertThat(started(org, code)).hasSize(1);
    }

    @Test
    void anotherOrganisationsTemplateIsUnknown() {
        Org org = newOrganisation();
        Org other = newOrganisation();
        String code = createTemplate(org.admin(), salaryTemplate(colleague(org, "Ola Reviewer", null, null)));
        assertRefused(other.admin(), rule("Borrowed", code, "SUBJECT"), "approval.trigger_template_unknown");
        assertThat(other.admin().get(PATH).json()).isEmpty();
    }

    @Test
    void invalidRulesAreRefusedWithTheirCodesAndNothingIsCreated() {
        Org org = newOrganisation();
        String reviewer = colleague(org, "Vic Reviewer", null, null);
        String code = createTemplate(org.admin(), salaryTemplate(reviewer));
        assertRefused(org.admin(), with(rule("x", "PROC-NOPE", "SUBJECT"), "processCode", "PROC-NOPE"),
                "approval.trigger_template_unknown");
        assertRefused(org.admin(), with(rule("x", code, "SUBJECT"), "daysBefore", 0), "approval.trigger_days_invalid");
        assertRefused(org.admin(), with(rule("x", code, "SUBJECT"), "daysBefore", 366), "approval.trigger_days_invalid");
        assertRefused(org.admin(), with(rule("x", code, "SUBJECT"), "subjectField", "nobody"),
                "approval.trigger_field_unknown");
        assertRefused(org.admin(), with(rule("x", code, "SUBJECT"), "subjectField", "reason"),
                "approval.trigger_subject_field_type");
        assertRefused(org.admin(), with(rule("x", code, "SUBJECT"), "fixedValues", Map.of("missing", "1")),
                "approval.trigger_field_unknown");
        assertRefused(org.admin(), with(rule("x", code, "SUBJECT"), "dateField", "BIRTHDAY"),
                "approval.trigger_date_field_invalid");
        assertRefused(org.admin(), with(rule("x", code, "USER"), "originatorUserId", "ghost"),
                "approval.trigger_originator_user_invalid");
        assertRefused(org.admin(), with(rule("x", code, "BOSS"), "originator", "BOSS"),
                "approval.trigger_originator_invalid");
        assertRefused(org.admin(), with(rule("x", code, "SUBJECT"), "name", " "), "approval.trigger_name_invalid");
        assertThat(org.admin().get(PATH).json()).isEmpty();
        assertThat(auditCount(org, "approval.trigger.created")).isZero();
    }

    @Test
    void rulesAreUpdatedAndDeletedByApprovalManagersOfTheirOwnOrganisationOnly() {
        Org org = newOrganisation();
        Org other = newOrganisation();
        String reviewer = colleague(org, "Wyn Reviewer", null, null);
        String code = createTemplate(org.admin(), salaryTemplate(reviewer));
        long id = create(org.admin(), rule("Salary review", code, "SUBJECT")).get("id").asLong();
        String one = PATH + "/" + id;

        for (var response : List.of(other.admin().get(one), other.admin().put(one, rule("Taken", code, "SUBJECT")),
                other.admin().delete(one))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("code").asText()).isEqualTo("approval.trigger_not_found");
        }
        assertThat(other.admin().get(PATH).json()).isEmpty();
        Person staff = person(org, "Xia Staff");
        assertThat(staff.api().get(PATH).status()).isEqualTo(403);
        assertThat(staff.api().delete(one).status()).isEqualTo(403);
        assertThat(app(org, "approval.read").get(PATH).status()).isEqualTo(403);
        assertThat(org.admin().get(one).json().get("name").asText()).isEqualTo("Salary review");

        Api writer = app(org, "approval.write");
        var updated = writer.put(one, with(rule("Salary review (HR)", code, "USER"), "originatorUserId", reviewer));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("originator").asText()).isEqualTo("USER");
        assertThat(updated.json().get("originatorUserId").asText()).isEqualTo(reviewer);
        var refused = org.admin().put(one, with(rule("Broken", code, "SUBJECT"), "daysBefore", 400));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(org.admin().get(one).json().get("name").asText()).isEqualTo("Salary review (HR)");
        assertThat(auditCount(org, "approval.trigger.updated")).isEqualTo(1);

        assertThat(org.admin().delete(one).status()).isEqualTo(204);
        assertThat(org.admin().get(one).status()).isEqualTo(404);
        assertThat(auditCount(org, "approval.trigger.deleted")).isEqualTo(1);
    }

    @Test
    void anAppWithApprovalWriteStartsAnApprovalForAPersonAndOneWithoutItCannot() {
        Org org = newOrganisation();
        String reviewer = colleague(org, "Yan Reviewer", null, null);
        String subject = colleague(org, "Zoe Subject", null, null);
        String code = createTemplate(org.admin(), salaryTemplate(reviewer));
        Map<String, Object> body = json("processCode", code, "originatorUserId", subject, "formValues",
                values("employee", "[\"" + subject + "\"]", "reason", "Promotion"));

        var refused = app(org, "approval.read").post("/api/v1/approvals", body);
        assertThat(refused.status()).isEqualTo(403);
        var submitted = app(org, "approval.write").post("/api/v1/approvals", body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().get("originatorUserId").asText()).isEqualTo(subject);
        assertThat(runningAssignees(submitted.json())).containsExactly(reviewer);
        assertThat(started(org, code)).hasSize(1);
    }

    private Map<String, Object> salaryTemplate(String reviewer) {
        return json("name", "Salary adjustment", "groupName", "HR", "form", List.of(
                        json("id", "employee", "type", "InnerContactField", "label", "Employee", "required", true),
                        json("id", "reason", "type", "TextField", "label", "Reason", "required", true)),
                "process", List.of(approverStep("hr", "SEQUENTIAL", reviewer)));
    }

    private static Map<String, Object> rule(String name, String code, String originator) {
        return json("name", name, "processCode", code, "dateField", "CONTRACT_END", "daysBefore", 14,
                "originator", originator, "subjectField", "employee", "fixedValues",
                Map.of("reason", "Contract renewal"));
    }

    private static Map<String, Object> with(Map<String, Object> rule, String key, Object value) {
        rule.put(key, value);
        return rule;
    }

    private static JsonNode create(Api api, Map<String, Object> rule) {
        var response = api.post(PATH, rule);
        assertThat(response.status()).as("create rule: %s", response.body()).isEqualTo(201);
        return response.json();
    }

    private static void assertRefused(Api api, Map<String, Object> rule, String code) {
        var response = api.post(PATH, rule);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("approval.trigger_invalid");
        assertThat(texts(response.json().get("errors"), "code")).contains(code);
    }

    private String colleague(Org org, String name, String managerUserId, LocalDate contractEnd) {
        return createUser(org.admin(), json("name", name, "email", newEmail("trigger"), "mobile", newMobile(),
                "departmentIds", List.of(1L), "managerUserId", managerUserId, "contractEndDate",
                contractEnd == null ? null : contractEnd.toString()));
    }

    private LocalDate today() {
        return clock.instant().atZone(HONG_KONG).toLocalDate();
    }

    private List<String> started(Org org, String code) {
        return jdbc.sql("select instance_id from apr_instance where tenant_id = :t and process_code = :c")
                .param("t", tenantId(org)).param("c", code).query(String.class).list();
    }

    private static String value(JsonNode instance, String id) {
        for (JsonNode v : instance.get("formValues")) {
            if (v.get("id").asText().equals(id)) {
                return v.get("value").asText();
            }
        }
        return null;
    }
}
