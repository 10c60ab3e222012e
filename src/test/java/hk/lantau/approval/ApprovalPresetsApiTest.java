package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Installing the presets, and each preset routing its approvals as its page says. */
class ApprovalPresetsApiTest extends ApprovalApiTestSupport {

    @Test
    void theListNamesEveryPresetAndWhetherItsRolesExist() {
        Org org = newOrganisation();
        var list = org.admin().get("/api/v1/approval-presets");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(texts(list.json(), "key")).containsExactly("leave", "expense", "salary-adjustment",
                "office-access", "cross-border-remittance");
        JsonNode salary = preset(list.json(), "salary-adjustment");
        assertThat(texts(salary.get("roles"), "key")).containsExactly("compensation_committee", "cfo");
        assertThat(texts(salary.get("roles"), "exists")).containsOnly("false");
        assertThat(texts(preset(list.json(), "leave").get("roles"), "exists")).containsExactly("true");

        var installed = install(org.admin(), "salary-adjustment");
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        JsonNode body = installed.json();
        assertThat(body.get("rolesCreated").toString()).isEqualTo("[\"compensation_committee\",\"cfo\"]");
        assertThat(body.get("rolesMissing")).isEmpty();
        assertThat(body.get("template").get("definition").get("name").asText()).isEqualTo("Salary adjustment");
        assertThat(body.get("template").get("definition").get("fallbackApproverUserId").asText())
                .isEqualTo(org.adminUserId());
        assertThat(texts(preset(org.admin().get("/api/v1/approval-presets").json(), "salary-adjustment")
                .get("roles"), "exists")).containsOnly("true");
        assertThat(auditCount(org, "approval.template.preset")).isEqualTo(1);
        assertThat(auditCount(org, "approval.template.created")).isEqualTo(1);
    }

    @Test
    void refusedInstallsChangeNothing() {
        Org org = newOrganisation();
        Person staff = person(org, "Lee Ma");
        var forbidden = install(staff.api(), "office-access");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(staff.api().get("/api/v1/approval-presets").status()).isEqualTo(403);
        var unknown = install(org.admin(), "lunch");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("approval.preset_not_found");
        assertThat(templateCount(org)).isZero();
        assertThat(roleCount(org, "security_officer")).isZero();

        assertThat(install(org.admin(), "office-access").status()).isEqualTo(201);
        var again = install(org.admin(), "office-access");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("approval.preset_installed");
        assertThat(templateCount(org)).isEqualTo(1);

        Org other = newOrganisation();
        assertThat(install(other.admin(), "office-access").status()).as("another organisation's own").isEqualTo(201);
        assertThat(templateCount(other)).isEqualTo(1);
    }

    @Test
    void whoMayNotManageRolesGetsTheTemplateAndTheRolesToCreate() {
        Org org = newOrganisation();
        Person hr = person(org, "Mia Ng");
        grant(org, hr, "hr");
        Person signedIn = again(hr);
        var installed = install(signedIn.api(), "cross-border-remittance");
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        assertThat(installed.json().get("rolesCreated")).isEmpty();
        assertThat(installed.json().get("rolesMissing").toString())
                .isEqualTo("[\"finance\",\"compliance\",\"overseas_confirmer\"]");
        assertThat(roleCount(org, "finance")).isZero();
    }

    @Test
    void leaveGoesToTheManagerAndCopiesHr() {
        Route route = route("leave");
        Person hr = route.holder("hr");
        String id = submit(route.staff.api(), route.code, values("leave_type", "Sick leave",
                "period", "[\"2026-12-01\",\"2026-12-02\"]", "days", "2")).get("instanceId").asText();
        JsonNode done = route.walk(id, List.of(route.manager));
        assertThat(done.get("ccUserIds").toString()).contains(hr.userId());
        assertThat(done.get("title").asText()).isEqualTo("Nina Chan: Sick leave, 2 days");
    }

    @Test
    void expensesGoToTheManagerThenFinance() {
        Route route = route("expense");
        Person finance = route.holder("finance");
        String items = "[[{\"id\":\"item_category\",\"value\":\"Transport\"},{\"id\":\"item_description\","
                + "\"value\":\"Taxi to client\"},{\"id\":\"item_date\",\"value\":\"2026-11-20\"},"
                + "{\"id\":\"item_amount\",\"value\":\"120.50\"}]]";
        String id = submit(route.staff.api(), route.code, values("items", items, "total", "120.50"))
                .get("instanceId").asText();
        route.walk(id, List.of(route.manager), List.of(finance));
    }

    @Test
    void salaryAdjustmentsGoToTheManagerTheWholeCommitteeThenTheCfo() {
        Route route = route("salary-adjustment");
        Person first = route.holder("compensation_committee");
        Person second = route.holder("compensation_committee");
        Person cfo = route.holder("cfo");
        String id = submit(route.staff.api(), route.code, values("employee", "[\"" + route.staff.userId() + "\"]",
                "current_salary", "30000", "proposed_salary", "33000", "effective_date", "2027-01-01",
                "reason", "Took over the Kowloon team")).get("instanceId").asText();
        route.walk(id, List.of(route.manager), List.of(first, second), List.of(cfo));
    }

    @Test
    void officeAccessGoesToTheDepartmentManagerThenSecurity() {
        Route route = route("office-access");
        Person security = route.holder("security_officer");
        String id = submit(route.staff.api(), route.code, values("areas", "[\"Server room\",\"Data centre\"]",
                "period", "[\"2026-12-01 09:00\",\"2026-12-01 18:00\"]", "reason", "Replace a disk"))
                .get("instanceId").asText();
        route.walk(id, List.of(route.manager), List.of(security));
    }

    @Test
    void remittancesAboveHalfAMillionNeedFourSteps() {
        Route route = route("cross-border-remittance");
        Person finance = route.holder("finance");
        Person compliance = route.holder("compliance");
        Person overseas = route.holder("overseas_confirmer");
        route.walk(remit(route, "500000.01"), List.of(route.manager), List.of(finance), List.of(compliance),
                List.of(overseas));
        route.walk(remit(route, "500000"), List.of(route.manager), List.of(finance));
        route.walk(remit(route, "12000"), List.of(route.manager), List.of(finance));
    }

    private static String remit(Route route, String amount) {
        return submit(route.staff.api(), route.code, values("amount", amount, "beneficiary", "Sunrise Trading Pte Ltd",
                "bank", "DBS Bank", "country", "Singapore", "purpose", "Supplier invoice 2026-114"))
                .get("instanceId").asText();
    }

    /** An organisation with the preset installed, an originator and their manager. */
    private Route route(String preset) {
        Org org = newOrganisation();
        var installed = install(org.admin(), preset);
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        Person staff = person(org, "Nina Chan");
        Person manager = person(org, "Oscar Ho");
        var patched = org.admin().patch("/api/v1/users/" + staff.userId(), json("managerUserId", manager.userId()));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        return new Route(org, installed.json().get("template").get("processCode").asText(), staff, manager);
    }

    private final class Route {
        final Org org;
        final String code;
        final Person staff;
        final Person manager;
        private int holders;

        Route(Org org, String code, Person staff, Person manager) {
            this.org = org;
            this.code = code;
            this.staff = staff;
            this.manager = manager;
        }

        Person holder(String role) {
            Person person = person(org, "Holder " + role.replace('_', ' ') + " " + ++holders);
            grant(org, person, role);
            return person;
        }

        /** Checks each step's running assignees in turn, every one agreeing, and that it completes. */
        @SafeVarargs
        final JsonNode walk(String instanceId, List<Person>... steps) {
            JsonNode current = instance(staff.api(), instanceId);
            for (List<Person> step : steps) {
                List<String> expected = new ArrayList<>(step.stream().map(Person::userId).toList());
                assertThat(runningAssignees(current)).as("step of %s", expected)
                        .containsExactlyInAnyOrderElementsOf(expected);
                for (Person approver : step) {
                    current = decide(approver.api(), pendingTask(approver.api(), approver.userId(), instanceId),
                            "agree");
                }
            }
            assertThat(current.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(current.get("result").asText()).isEqualTo("agree");
            return current;
        }
    }

    private void grant(Org org, Person person, String role) {
        var access = org.admin().put("/api/v1/users/" + person.userId() + "/roles",
                Map.of("roleKeys", List.of("staff", role)));
        assertThat(access.status()).as("grant %s: %s", role, access.body()).isEqualTo(200);
    }

    private static hk.lantau.support.Api.Response install(hk.lantau.support.Api api, String key) {
        return api.post("/api/v1/approval-presets/" + key + "/install", null);
    }

    private static JsonNode preset(JsonNode list, String key) {
        for (JsonNode preset : list) {
            if (preset.get("key").asText().equals(key)) {
                return preset;
            }
        }
        throw new AssertionError("no preset " + key);
    }

    private long templateCount(Org org) {
        return count("select count(*) from apr_template where tenant_id = ?", tenantId(org));
    }

    private long roleCount(Org org, String key) {
        return count("select count(*) from dir_role where tenant_id = ? and role_key = ?", tenantId(org), key);
    }
}
