package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserImportApiTest extends DirectoryApiTestSupport {

    private static final String BOUNDARY = "lantau-test-boundary";

    private static Api.Response upload(Api api, String csv, String query) {
        String body = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
        return api.sendRaw("POST", "/api/v1/users/import" + query, body,
                "multipart/form-data; boundary=" + BOUNDARY);
    }

    private long userCount(Org org) {
        return count("select count(*) from dir_user where tenant_id = ?", tenantId(org));
    }

    private static List<String> errors(JsonNode problem) {
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.path("column").asText("")
                + ":" + e.get("code").asText()));
        return errors;
    }

    @Test
    void importsAFileOfPeopleWithManagersDepartmentsAndRoles() {
        Org org = newOrganisation();
        Api api = org.admin();
        long finance = createDepartment(api, "Finance", null);
        long project = createVirtualDepartment(api, "Project");
        String csv = "\uFEFFuserId,name,email,mobile,title,hireDate,managerUserId,departmentIds,hkid,bankAccount,roleKeys\n"
                + "cfo,Carol Fong,carol@example.hk,9100 0001,CFO,2020-01-06,,"
                + finance + ",K602384(3),004-111-222333-001,manager;hr\n"
                + "clerk,\"Lee, Ken\",ken@example.hk,9100 0002,Clerk,2024-02-01,cfo," + finance + ";" + project
                + ",,,\n"
                + ",Generated Id,,,,,clerk,,,,\n";

        var imported = upload(api, csv, "");

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("created").asInt()).isEqualTo(3);
        assertThat(imported.json().get("dryRun").asBoolean()).isFalse();
        assertThat(texts(imported.json().get("results"), "row")).containsExactly("2", "3", "4");
        JsonNode ken = api.get("/api/v1/users/clerk").json();
        assertThat(ken.get("name").asText()).isEqualTo("Lee, Ken");
        assertThat(ken.get("managerUserId").asText()).isEqualTo("cfo");
        assertThat(texts(ken.get("departmentIds"), null)).containsExactlyInAnyOrder(String.valueOf(finance),
                String.valueOf(project));
        assertThat(texts(api.get("/api/v1/users/cfo/permissions").json().get("roles"), "key"))
                .containsExactlyInAnyOrder("manager", "hr");
        assertThat(api.get("/api/v1/users/cfo").json().get("hkid").get("masked").asText()).isEqualTo("K602***(*)");
        String generated = imported.json().get("results").get(2).get("userId").asText();
        assertThat(texts(api.get("/api/v1/users/" + generated).json().get("departmentIds"), null))
                .containsExactly("1");
        assertThat(auditCount(org, "directory.user.imported")).isEqualTo(1);
        assertThat(auditCount(org, "directory.user.created")).isEqualTo(4);
        assertThat(String.join("\n", auditChanges(org))).doesNotContain("K602384", "222333");
    }

    @Test
    void aDryRunChecksButWritesNothing() {
        Org org = newOrganisation();
        long before = userCount(org);
        var dryRun = org.admin().sendRaw("POST", "/api/v1/users/import?dryRun=true",
                "name,email\nAmy,amy@example.hk\nBen,ben@example.hk\n", "text/csv");

        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.json().get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.json().get("created").asInt()).isEqualTo(2);
        assertThat(userCount(org)).isEqualTo(before);
        assertThat(auditCount(org, "directory.user.imported")).isZero();
    }

    @Test
    void oneBadRowStopsTheWholeFileWithAReportPerRow() {
        Org org = newOrganisation();
        Api api = org.admin();
        String mobile = newMobile();
        createUser(api, json("userId", "existing", "name", "Existing", "mobile", mobile));
        long before = userCount(org);
        String csv = "userId,name,email,mobile,hireDate,departmentIds,hkid,managerUserId\n"
                + "ok1,Good Person,good@example.hk,,,,,\n"
                + "bad1,,bad-email,,,,,\n"
                + "bad2,Dup Email,good@example.hk,,01/02/2024,,,\n"
                + "bad3,Dup Mobile,," + mobile + ",,424242424,,\n"
                + "existing,Dup Id,,,,,Z999999(1),\n"
                + "bad4,Cycle A,,,,,,bad5\n"
                + "bad5,Cycle B,,,,,,bad4\n";

        var response = upload(api, csv, "");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("directory.import_invalid");
        assertThat(errors(response.json())).contains("3:name:directory.name_invalid",
                "3:email:directory.email_invalid", "4:email:directory.email_taken", "4:hireDate:directory.date_invalid",
                "5:mobile:directory.mobile_taken", "5:departmentIds:directory.department_unknown",
                "6:userId:directory.user_id_taken", "6:hkid:compliance.hkid_invalid",
                "8:managerUserId:directory.manager_cycle");
        assertThat(errors(response.json())).noneMatch(e -> e.startsWith("2:"));
        assertThat(response.json().get("results").get(0).get("valid").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain(mobile.substring(mobile.length() - 4), "Z999999");
        assertThat(userCount(org)).isEqualTo(before);
        assertThat(api.get("/api/v1/users/ok1").status()).isEqualTo(404);
    }

    @Test
    void refusesFilesItCannotReadAndCallersWithoutTheRight() {
        Org org = newOrganisation();
        Api api = org.admin();
        long before = userCount(org);

        var unknownColumn = api.sendRaw("POST", "/api/v1/users/import", "name,salary\nAmy,1\n", "text/csv");
        assertThat(unknownColumn.status()).isEqualTo(422);
        assertThat(errors(unknownColumn.json())).containsExactly("1:salary:directory.import_unknown_column");
        var noName = api.sendRaw("POST", "/api/v1/users/import", "email\na@example.hk\n", "text/csv");
        assertThat(errors(noName.json())).containsExactly("1:name:directory.import_missing_column");
        var badQuote = api.sendRaw("POST", "/api/v1/users/import", "name\n\"Amy\n", "text/csv");
        assertThat(badQuote.status()).isEqualTo(422);
        assertThat(badQuote.json().get("errors").get(0).get("code").asText()).isEqualTo("directory.import_malformed");
        var empty = api.sendRaw("POST", "/api/v1/users/import", "name\n", "text/csv");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("directory.import_empty");
        var tooLarge = api.sendRaw("POST", "/api/v1/users/import", "name\n" + "x\n".repeat(600_000), "text/csv");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("directory.import_too_large");
        var tooManyRows = api.sendRaw("POST", "/api/v1/users/import", "name\n" + "x\n".repeat(5_001), "text/csv");
        assertThat(tooManyRows.status()).isEqualTo(413);
        var json = api.post("/api/v1/users/import", json("name", "Amy"));
        assertThat(json.status()).isEqualTo(415);

        String staff = createUser(api, json("name", "Staff", "email", newEmail("staff")));
        var forbidden = signInAs(org, staff).sendRaw("POST", "/api/v1/users/import", "name\nAmy\n", "text/csv");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(userCount(org)).isEqualTo(before + 1);
    }
}
