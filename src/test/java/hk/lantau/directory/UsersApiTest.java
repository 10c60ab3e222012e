package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsersApiTest extends DirectoryApiTestSupport {

    private long userCount(Org org) {
        return count("select count(*) from dir_user where tenant_id = ?", tenantId(org));
    }

    private Map<String, Object> fullProfile(String userId, String email, String mobile) {
        return json("userId", userId, "name", "陳大文 Chan Tai Man", "email", email, "mobile", mobile,
                "title", "Accountant", "jobNumber", "E-1001", "hireDate", "2023-04-01", "workPlace", "Kwun Tong",
                "remark", "Part of the audit team", "contractEndDate", "2026-03-31", "hkid", "a123456 (3)",
                "homeAddress", "Flat 12A, 8 Harbour Road, Wan Chai", "bankAccount", "004-123-456789-001",
                "emergencyContact", "Chan Siu Ling +852 9876 5432", "medicalNotes", "Allergic to penicillin");
    }

    @Test
    void createsAPersonWithProtectedFieldsMaskedAndStoredOnlyEncrypted() {
        Org org = newOrganisation();
        long finance = createDepartment(org.admin(), "Finance", null);
        Map<String, Object> body = fullProfile("chantaiman", newEmail("tm.chan"), "9123 4567");
        body.put("departmentIds", List.of(finance));

        var created = org.admin().post("/api/v1/users", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/chantaiman");
        JsonNode user = created.json();
        assertThat(user.get("name").asText()).isEqualTo("陳大文 Chan Tai Man");
        assertThat(user.get("hireDate").asText()).isEqualTo("2023-04-01");
        assertThat(user.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(texts(user.get("departmentIds"), null)).containsExactly(String.valueOf(finance));
        assertThat(user.get("mobile").get("masked").asText()).isEqualTo("+852 9***4567");
        assertThat(user.get("mobile").get("revealable").asBoolean()).isTrue();
        assertThat(user.get("hkid").get("masked").asText()).isEqualTo("A123***(*)");
        assertThat(user.get("hkid").get("revealable").asBoolean()).isFalse();
        assertThat(user.get("medicalNotes").get("masked").asText()).isEqualTo("******");
        assertThat(user.get("bankAccount").get("masked").asText()).endsWith("9001");
        assertThat(created.body()).doesNotContain("Harbour Road", "penicillin", "A123456(3)", "91234567");

        Map<String, Object> row = jdbc.sql("select * from dir_user where tenant_id = :t and userid = 'chantaiman'")
                .param("t", tenantId(org)).query().singleRow();
        String stored = row.toString();
        assertThat(stored).doesNotContain("Harbour Road", "penicillin", "A123456", "91234567", "Siu Ling",
                "456789");
        assertThat(row.get("mobile_cipher")).isNotNull();
        assertThat(row.get("mobile_index")).isNotNull();
        assertThat(row.get("hkid_index")).isNotNull();

        assertThat(auditCount(org, "directory.user.created")).isEqualTo(2);
        String audit = auditChanges(org).get(auditChanges(org).size() - 1);
        assertThat(audit).contains("hkid", "medicalNotes").doesNotContain("penicillin", "A123456", "91234567");
        assertThat(org.admin().get("/api/v1/users/chantaiman").json().get("email").asText())
                .isEqualTo(body.get("email"));
    }

    @Test
    void generatesAUserIdAndDefaultsToTheRootAndTheStaffRole() {
        Org org = newOrganisation();
        var created = org.admin().post("/api/v1/users", json("name", "Kelly Ho"));

        assertThat(created.status()).isEqualTo(201);
        String userId = created.json().get("userId").asText();
        assertThat(userId).matches("[0-9a-f]{16}");
        assertThat(texts(created.json().get("departmentIds"), null)).containsExactly("1");
        var access = org.admin().get("/api/v1/users/" + userId + "/permissions").json();
        assertThat(texts(access.get("roles"), "key")).containsExactly("staff");
        assertThat(created.json().has("mobile")).isFalse();
    }

    @Test
    void refusesDuplicatesNamingTheField() {
        Org org = newOrganisation();
        String email = newEmail("dup");
        String mobile = newMobile();
        createUser(org.admin(), json("userId", "dup1", "name", "First", "email", email, "mobile", mobile));
        long before = userCount(org);

        var sameId = org.admin().post("/api/v1/users", json("userId", "dup1", "name", "Second"));
        assertThat(sameId.status()).isEqualTo(409);
        assertThat(sameId.code()).isEqualTo("directory.user_id_taken");
        assertThat(field(sameId, 0)).isEqualTo("userId");

        var sameEmail = org.admin().post("/api/v1/users", json("name", "Second", "email", email.toUpperCase()));
        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.code()).isEqualTo("directory.email_taken");
        assertThat(field(sameEmail, 0)).isEqualTo("email");

        String sameNumberTypedDifferently = mobile.replace("+852 ", "").replace(" ", "-");
        var sameMobile = org.admin().post("/api/v1/users", json("name", "Second", "mobile", sameNumberTypedDifferently));
        assertThat(sameMobile.status()).isEqualTo(409);
        assertThat(sameMobile.code()).isEqualTo("directory.mobile_taken");
        assertThat(field(sameMobile, 0)).isEqualTo("mobile");
        assertThat(sameMobile.body()).doesNotContain(mobile.substring(mobile.length() - 4));

        assertThat(userCount(org)).isEqualTo(before);

        Org other = newOrganisation();
        createUser(other.admin(), json("userId", "dup1", "name", "Elsewhere", "email", email, "mobile", mobile));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Org org = newOrganisation();
        Api api = org.admin();
        createUser(api, json("userId", "boss", "name", "Boss"));
        long before = userCount(org);
        long audits = auditChanges(org).size();

        var malformed = api.sendRaw("POST", "/api/v1/users", "{\"name\": \"A\",", "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("request.malformed");

        var unknown = api.post("/api/v1/users", json("name", "A", "nickname", "Ah A"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("request.unknown_field");
        assertThat(field(unknown, 0)).isEqualTo("nickname");

        var missingName = api.post("/api/v1/users", json("email", newEmail("noname")));
        assertThat(missingName.status()).isEqualTo(400);
        assertThat(field(missingName, 0)).isEqualTo("name");

        var longName = api.post("/api/v1/users", json("name", "x".repeat(81)));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(field(longName, 0)).isEqualTo("name");

        var longUserId = api.post("/api/v1/users", json("name", "A", "userId", "u".repeat(65)));
        assertThat(longUserId.status()).isEqualTo(400);
        assertThat(field(longUserId, 0)).isEqualTo("userId");

        var badUserId = api.post("/api/v1/users", json("name", "A", "userId", "has space"));
        assertThat(badUserId.status()).isEqualTo(400);
        assertThat(badUserId.code()).isEqualTo("directory.user_id_invalid");

        var badEmail = api.post("/api/v1/users", json("name", "A", "email", "not-an-address"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.code()).isEqualTo("directory.email_invalid");
        assertThat(field(badEmail, 0)).isEqualTo("email");

        var badMobile = api.post("/api/v1/users", json("name", "A", "mobile", "12345"));
        assertThat(badMobile.status()).isEqualTo(400);
        assertThat(badMobile.code()).isEqualTo("compliance.mobile_invalid");
        assertThat(field(badMobile, 0)).isEqualTo("mobile");

        var badHkid = api.post("/api/v1/users", json("name", "A", "hkid", "Z999999(1)"));
        assertThat(badHkid.status()).isEqualTo(400);
        assertThat(badHkid.code()).isEqualTo("compliance.hkid_invalid");
        assertThat(field(badHkid, 0)).isEqualTo("hkid");
        assertThat(badHkid.body()).doesNotContain("Z999999");

        var badDate = api.post("/api/v1/users", json("name", "A", "hireDate", "01/04/2023"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.code()).isEqualTo("request.wrong_type");
        assertThat(field(badDate, 0)).isEqualTo("hireDate");

        var unknownDepartment = api.post("/api/v1/users", json("name", "A", "departmentIds", List.of(1, 987_654_321)));
        assertThat(unknownDepartment.status()).isEqualTo(400);
        assertThat(unknownDepartment.code()).isEqualTo("directory.department_unknown");
        assertThat(field(unknownDepartment, 0)).isEqualTo("departmentIds[1]");

        var unknownManager = api.post("/api/v1/users", json("name", "A", "managerUserId", "nobody"));
        assertThat(unknownManager.status()).isEqualTo(400);
        assertThat(unknownManager.code()).isEqualTo("directory.manager_unknown");

        var unknownRole = api.post("/api/v1/users", json("name", "A", "roleKeys", List.of("staff", "wizard")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(field(unknownRole, 0)).isEqualTo("roleKeys[1]");

        var several = api.post("/api/v1/users", json("name", "A", "email", "bad", "hkid", "Z"));
        assertThat(several.status()).isEqualTo(400);
        assertThat(texts(several.json().get("errors"), "field")).containsExactly("email", "hkid");

        assertThat(userCount(org)).isEqualTo(before);
        assertThat(auditChanges(org)).hasSize((int) audits);
    }

    @Test
    void updatesOnlyTheGivenFieldsAndAuditsProtectedOnesWithoutValues() {
        Org org = newOrganisation();
        Api api = org.admin();
        createUser(api, json("userId", "mgr", "name", "Manager"));
        createUser(api, fullProfile("amy", newEmail("amy"), newMobile()));

        var changed = api.patch("/api/v1/users/amy", json("title", "Senior Accountant", "managerUserId", "mgr",
                "hkid", "K602384(3)", "clear", List.of("contractEndDate", "medicalNotes"), "remark", " "));

        assertThat(changed.status()).isEqualTo(200);
        JsonNode user = changed.json();
        assertThat(user.get("title").asText()).isEqualTo("Senior Accountant");
        assertThat(user.get("managerUserId").asText()).isEqualTo("mgr");
        assertThat(user.get("jobNumber").asText()).isEqualTo("E-1001");
        assertThat(user.has("contractEndDate")).isFalse();
        assertThat(user.has("remark")).isFalse();
        assertThat(user.has("medicalNotes")).isFalse();
        assertThat(user.get("hkid").get("masked").asText()).isEqualTo("K602***(*)");
        assertThat(user.get("homeAddress").get("masked").asText()).isEqualTo("******");

        List<String> audit = auditChanges(org);
        String last = audit.get(audit.size() - 1);
        assertThat(last).contains("\"hkid\":\"changed\"", "\"medicalNotes\":\"cleared\"", "Senior Accountant")
                .doesNotContain("K602384", "penicillin");
        assertThat(jdbc.sql("select medical_notes_cipher from dir_user where tenant_id = :t and userid = 'amy'")
                .param("t", tenantId(org)).query(String.class).optional()).isEmpty();

        int audits = audit.size();
        assertThat(api.patch("/api/v1/users/amy", json("title", "Senior Accountant")).status()).isEqualTo(200);
        assertThat(auditChanges(org)).hasSize(audits);
    }

    @Test
    void refusesBadChangesAndLeavesTheProfileAsItWas() {
        Org org = newOrganisation();
        Api api = org.admin();
        String takenEmail = newEmail("taken");
        String takenMobile = newMobile();
        createUser(api, json("userId", "other", "name", "Other", "email", takenEmail, "mobile", takenMobile));
        createUser(api, json("userId", "boss", "name", "Boss", "managerUserId", "other"));
        createUser(api, json("userId", "amy", "name", "Amy", "managerUserId", "boss", "title", "Clerk"));
        String before = api.get("/api/v1/users/amy").body();

        var email = api.patch("/api/v1/users/amy", json("email", takenEmail, "title", "Lead"));
        assertThat(email.status()).isEqualTo(409);
        assertThat(email.code()).isEqualTo("directory.email_taken");
        var mobile = api.patch("/api/v1/users/amy", json("mobile", takenMobile));
        assertThat(mobile.status()).isEqualTo(409);
        assertThat(mobile.code()).isEqualTo("directory.mobile_taken");
        var cycle = api.patch("/api/v1/users/other", json("managerUserId", "amy"));
        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.code()).isEqualTo("directory.manager_cycle");
        var self = api.patch("/api/v1/users/amy", json("managerUserId", "amy"));
        assertThat(self.status()).isEqualTo(409);
        var hkid = api.patch("/api/v1/users/amy", json("hkid", "A123456(4)", "title", "Lead"));
        assertThat(hkid.status()).isEqualTo(400);
        assertThat(hkid.code()).isEqualTo("compliance.hkid_invalid");
        var clearName = api.patch("/api/v1/users/amy", json("clear", List.of("name")));
        assertThat(clearName.status()).isEqualTo(400);
        assertThat(clearName.code()).isEqualTo("directory.clear_invalid");
        var unknownDepartment = api.patch("/api/v1/users/amy", json("departmentIds", List.of(424_242_424)));
        assertThat(unknownDepartment.status()).isEqualTo(400);
        assertThat(field(unknownDepartment, 0)).isEqualTo("departmentIds[0]");
        var unknownField = api.patch("/api/v1/users/amy", json("status", "LEFT"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.code()).isEqualTo("request.unknown_field");
        var missing = api.patch("/api/v1/users/nobody", json("title", "Lead"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("directory.user_not_found");

        assertThat(api.get("/api/v1/users/amy").body()).isEqualTo(before);
    }

    @Test
    void searchesByTextDepartmentStatusAndMobileWithCursorPaging() {
        Org org = newOrganisation();
        Api api = org.admin();
        long sales = createDepartment(api, "Sales", null);
        String mobile = newMobile();
        createUser(api, json("userId", "s1", "name", "Sales Alice", "departmentIds", List.of(sales),
                "jobNumber", "S-100", "mobile", mobile));
        createUser(api, json("userId", "s2", "name", "Sales Bob", "departmentIds", List.of(sales)));
        createUser(api, json("userId", "s3", "name", "Sales Carol", "departmentIds", List.of(sales)));
        createUser(api, json("userId", "o1", "name", "Office Dan", "email", "dan.100%@example.hk"));
        assertThat(api.post("/api/v1/users/s3/suspend", null).status()).isEqualTo(200);

        assertThat(texts(api.get("/api/v1/users?q=sales").json().get("items"), "userId"))
                .containsExactly("s1", "s2", "s3");
        assertThat(texts(api.get("/api/v1/users?q=s-100").json().get("items"), "userId")).containsExactly("s1");
        assertThat(texts(api.get("/api/v1/users?q=100%25").json().get("items"), "userId")).containsExactly("o1");
        assertThat(texts(api.get("/api/v1/users?departmentId=" + sales + "&status=SUSPENDED").json().get("items"),
                "userId")).containsExactly("s3");
        assertThat(texts(api.get("/api/v1/users?mobile=" + mobile.replace("+", "%2B").replace(" ", ""))
                .json().get("items"), "userId")).containsExactly("s1");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get("/api/v1/users?departmentId=" + sales + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(texts(page.json().get("items"), "userId"));
            cursor = page.json().path("nextCursor").asText(null);
        } while (cursor != null);
        assertThat(seen).containsExactly("s1", "s2", "s3");

        var badCursor = api.get("/api/v1/users?cursor=not-a-cursor");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.code()).isEqualTo("directory.cursor_invalid");
        var badLimit = api.get("/api/v1/users?limit=1000");
        assertThat(badLimit.status()).isEqualTo(400);
        var badStatus = api.get("/api/v1/users?status=GONE");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.code()).isEqualTo("request.wrong_type");
    }

    @Test
    void suspendingEndsSessionsAndLeavingFreesTheEmailAndMobile() {
        Org org = newOrganisation();
        Api api = org.admin();
        String email = newEmail("leaver");
        String mobile = newMobile();
        long sales = createDepartment(api, "Sales", null);
        createUser(api, json("userId", "leaver", "name", "Leaver", "email", email, "mobile", mobile,
                "departmentIds", List.of(sales)));
        Api leaver = signInAs(org, "leaver");
        assertThat(leaver.get("/api/v1/users/leaver").status()).isEqualTo(200);

        var suspended = api.post("/api/v1/users/leaver/suspend", null);
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.json().get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(leaver.get("/api/v1/users/leaver").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/users/leaver/suspend", null).status()).isEqualTo(200);
        assertThat(auditCount(org, "directory.user.status_changed")).isEqualTo(1);

        assertThat(api.post("/api/v1/users/leaver/reactivate", null).json().get("status").asText())
                .isEqualTo("ACTIVE");
        var left = api.post("/api/v1/users/leaver/leave", null);
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.json().get("status").asText()).isEqualTo("LEFT");
        assertThat(left.json().get("leftAt").asText()).isNotBlank();
        assertThat(left.json().get("departmentIds")).isEmpty();
        assertThat(api.get("/api/v1/departments/" + sales).json().get("memberCount").asInt()).isZero();
        assertThat(auditCount(org, "directory.user.status_changed")).isEqualTo(3);

        var back = api.post("/api/v1/users/leaver/reactivate", null);
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.code()).isEqualTo("directory.user_left");
        assertThat(texts(api.get("/api/v1/users").json().get("items"), "userId")).doesNotContain("leaver");
        assertThat(texts(api.get("/api/v1/users?status=LEFT").json().get("items"), "userId"))
                .containsExactly("leaver");

        createUser(api, json("userId", "newcomer", "name", "Newcomer", "email", email, "mobile", mobile));
    }

    @Test
    void theEditionLimitIsEnforcedWithAClearError() {
        var created = operator().post("/api/v1/organisations", json("name", "Small Shop " + newEmail("x"),
                "edition", "STANDARD", "admin", json("name", "Owner", "email", newEmail("owner"))));
        assertThat(created.status()).isEqualTo(201);
        setPassword(created.json().get("adminSetupLink").asText(), PASSWORD);
        String adminEmail = jdbc.sql("select email from dir_user where userid = :u")
                .param("u", created.json().get("adminUserId").asText()).query(String.class).single();
        Api api = as(adminEmail, PASSWORD);
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 1; i <= 99; i++) {
            csv.append("Person ").append(i).append('\n');
        }
        assertThat(api.sendRaw("POST", "/api/v1/users/import", csv.toString(), "text/csv").status()).isEqualTo(201);

        var over = api.post("/api/v1/users", json("name", "One Too Many"));

        assertThat(over.status()).isEqualTo(409);
        assertThat(over.code()).isEqualTo("tenant.edition_limit");
        assertThat(over.json().get("detail").asText()).contains("100");
        assertThat(api.post("/api/v1/users/" + created.json().get("adminUserId").asText() + "/leave", null).status())
                .isEqualTo(409);
    }
}
