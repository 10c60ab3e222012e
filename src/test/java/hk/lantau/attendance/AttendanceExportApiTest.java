package hk.lantau.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.attendance.internal.DailyClose;
import hk.lantau.support.Api;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AttendanceExportApiTest extends AttendanceApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    DailyClose dailyClose;

    /** Three people: late 20 minutes and no off-duty punch; on time and 30 minutes early; absent. */
    private record Scenario(Org org, LocalDate day, List<Person> people) {
    }

    private Scenario worked(String... names) {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        publishNotice(org.admin());
        List<Person> people = new ArrayList<>();
        for (String name : names) {
            String email = newEmail("staff");
            String userId = createUser(org.admin(), json("name", name, "email", email, "mobile",
                    newMobile(), "departmentIds", List.of(1L)));
            Person p = new Person(userId, name, email, signInAs(org, userId));
            acknowledge(p);
            people.add(p);
        }
        group(org.admin(), "REFUSE", people);
        at(day, LocalTime.of(8, 55));
        punchInside(people.get(1));
        at(day, LocalTime.of(9, 20, 40));
        punchInside(people.get(0));
        at(day, LocalTime.of(17, 30));
        people.set(1, again(people.get(1)));
        punchInside(people.get(1));
        at(day.plusDays(1), LocalTime.of(3, 0));
        dailyClose.run();
        return new Scenario(org, day, people);
    }

    @Test
    void figuresPerPersonAndDepartmentCountLatenessEarlyLeaveAndAbsence() {
        Scenario s = worked("Late Lam", "Early Ng", "Absent Ho");
        Api admin = again(admin(s.org())).api();
        var report = admin.get("/api/v1/attendance/reports/people?date=" + s.day());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode people = report.json().get("people");
        assertThat(people).hasSize(3);
        JsonNode late = person(people, s.people().get(0).userId()).get("figures");
        assertThat(late.get("daysWorked").asInt()).isEqualTo(1);
        assertThat(late.get("lateCount").asInt()).isEqualTo(1);
        assertThat(late.get("lateMinutes").asLong()).isEqualTo(20);
        assertThat(late.get("missedPunches").asInt()).as("no off-duty punch").isEqualTo(1);
        JsonNode early = person(people, s.people().get(1).userId()).get("figures");
        assertThat(early.get("earlyLeaveCount").asInt()).isEqualTo(1);
        assertThat(early.get("earlyLeaveMinutes").asLong()).isEqualTo(30);
        assertThat(early.get("lateCount").asInt()).isZero();
        JsonNode absent = person(people, s.people().get(2).userId()).get("figures");
        assertThat(absent.get("absenceDays").asInt()).isEqualTo(1);
        assertThat(absent.get("daysWorked").asInt()).isZero();
        assertThat(absent.get("leaveDays").asInt()).isZero();
        assertThat(person(people, s.people().get(0).userId()).get("name").asText()).isEqualTo("Late Lam");

        var departments = admin.get("/api/v1/attendance/reports/departments?month=" + s.day().toString().substring(0, 7));
        assertThat(departments.status()).as(departments.body()).isEqualTo(200);
        JsonNode root = departments.json().get("departments").get(0);
        assertThat(root.get("people").asInt()).isEqualTo(3);
        assertThat(root.get("figures").get("lateMinutes").asLong()).isEqualTo(20);
        assertThat(root.get("figures").get("absenceDays").asInt()).isEqualTo(1);

        Org other = newOrganisation();
        var foreign = other.admin().get("/api/v1/attendance/reports/people?date=" + s.day());
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.json().get("people")).as("another organisation sees none of these people").isEmpty();
        var plain = s.people().get(0);
        assertThat(again(plain).api().get("/api/v1/attendance/reports/people?date=" + s.day()).status()).isEqualTo(403);
        var tooLong = admin.get("/api/v1/attendance/reports/people?from=" + s.day() + "&to=" + s.day().plusDays(31));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("attendance.report_period_invalid");
        assertThat(admin.get("/api/v1/attendance/reports/people?month=2026-13").code())
                .isEqualTo("attendance.report_period_invalid");
    }

    @Test
    void csvExportUsesTheProfileAndPayrollCodesInUtf8WithBomOrBig5() throws Exception {
        Scenario s = worked("陳大文", "李小明", "黃志強");
        Api admin = again(admin(s.org())).api();
        var imported = admin.sendRaw("POST", "/api/v1/attendance/payroll-codes/import",
                "userId,payrollCode\n" + s.people().get(0).userId() + ",P-001\n" + s.people().get(1).userId()
                        + ",P-002\n", "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        var profile = admin.put("/api/v1/attendance/export-profile", json("columns", List.of(
                        json("key", "payrollCode", "label", "薪酬編號"), json("key", "name", "label", "姓名"),
                        json("key", "periodStart", "label", "From"), json("key", "lateMinutes", "label", "Late min")),
                "dateFormat", "dd/MM/yyyy"));
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);

        var bom = export(admin, s.day(), "CSV", "UTF_8_BOM");
        assertThat(bom.statusCode()).isEqualTo(200);
        assertThat(bom.headers().firstValue("Content-Disposition").orElse("")).contains("attendance-");
        byte[] body = bom.body();
        assertThat(body[0]).as("rows in userid order").isEqualTo((byte) 0xEF);
        String d = String.format("%02d/%02d/%d", s.day().getDayOfMonth(), s.day().getMonthValue(), s.day().getYear());
        var lines = new java.util.TreeMap<String, String>(Map.of(
                s.people().get(0).userId(), "P-001,陳大文," + d + ",20\r\n",
                s.people().get(1).userId(), "P-002,李小明," + d + ",0\r\n",
                s.people().get(2).userId(), ",黃志強," + d + ",0\r\n"));
        String expected = "\uFEFF薪酬編號,姓名,From,Late min\r\n" + String.join("", lines.values());
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(expected);

        var big5 = export(admin, s.day(), "CSV", "BIG5");
        assertThat(big5.statusCode()).isEqualTo(200);
        assertThat(new String(big5.body(), Charset.forName("Big5"))).isEqualTo(expected.substring(1));
        assertThat(auditCount(s.org(), "attendance.export.downloaded")).isEqualTo(2);
    }

    @Test
    void big5RefusesNamesItCannotHoldAndListsTheCharactersWhileHkscsAndXlsxHoldThem() throws Exception {
        Scenario s = worked("李𨋢", "Early Ng", "啫喱");
        Api admin = again(admin(s.org())).api();
        long audits = auditCount(s.org(), "attendance.export.downloaded");
        var refused = admin.post("/api/v1/attendance/exports", json("from", s.day().toString(), "to",
                s.day().toString(), "format", "CSV", "encoding", "BIG5"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("attendance.export_unencodable");
        assertThat(refused.json().get("errors").toString() + texts(refused.json().get("errors"), "message"))
                .contains("U+282E2 𨋢").contains("U+556B 啫").contains(s.people().get(0).userId())
                .contains(".name");
        assertThat(auditCount(s.org(), "attendance.export.downloaded")).as("nothing was exported").isEqualTo(audits);

        var hkscs = export(admin, s.day(), "CSV", "BIG5_HKSCS");
        assertThat(hkscs.statusCode()).isEqualTo(200);
        assertThat(new String(hkscs.body(), Charset.forName("Big5-HKSCS"))).contains("李𨋢").contains("啫喱");

        var xlsx = export(admin, s.day(), "XLSX", null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Payroll code");
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                names.add(sheet.getRow(r).getCell(2).getStringCellValue());
            }
            assertThat(names).contains("李𨋢", "啫喱");
        }
    }

    @Test
    void payrollCodesAreValidatedImportedAllOrNothingAndKeptPerOrganisation() {
        Org org = newOrganisation();
        Person a = person(org, "Code One");
        Person b = person(org, "Code Two");
        Api admin = org.admin();
        assertThat(admin.put("/api/v1/attendance/payroll-codes/" + a.userId(), json("payrollCode", "E100")).status())
                .isEqualTo(200);
        var taken = admin.put("/api/v1/attendance/payroll-codes/" + b.userId(), json("payrollCode", "E100"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("attendance.payroll_code_taken");
        var bad = admin.sendRaw("POST", "/api/v1/attendance/payroll-codes/import",
                "userId,payrollCode\n" + b.userId() + ",E200\nnobody,E300\n", "text/csv");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("attendance.payroll_import_invalid");
        assertThat(bad.body()).contains("line 3");
        assertThat(count("select count(*) from att_payroll_code where tenant_id = ?", tenantId(org)))
                .as("nothing imported").isEqualTo(1);

        Org other = newOrganisation();
        assertThat(other.admin().put("/api/v1/attendance/payroll-codes/" + a.userId(), json("payrollCode", "X"))
                .status()).isEqualTo(404);
        assertThat(other.admin().delete("/api/v1/attendance/payroll-codes/" + a.userId()).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/attendance/payroll-codes").json()).isEmpty();
        assertThat(admin.get("/api/v1/attendance/payroll-codes").json()).hasSize(1);
        assertThat(a.api().get("/api/v1/attendance/payroll-codes").status()).isEqualTo(403);

        var profile = admin.put("/api/v1/attendance/export-profile", json("columns",
                List.of(json("key", "salary", "label", "Salary")), "dateFormat", "qqqqqqq"));
        assertThat(profile.status()).isEqualTo(400);
        assertThat(profile.code()).isEqualTo("attendance.export_profile_invalid");
        assertThat(admin.get("/api/v1/attendance/export-profile").json().get("columns").get(0).get("key").asText())
                .isEqualTo("payrollCode");
    }

    private static JsonNode person(JsonNode people, String userId) {
        for (JsonNode p : people) {
            if (p.get("userId").asText().equals(userId)) {
                return p;
            }
        }
        throw new AssertionError("no row for " + userId);
    }

    private HttpResponse<byte[]> export(Api api, LocalDate day, String format, String encoding) throws Exception {
        Map<String, Object> body = json("from", day.toString(), "to", day.toString(), "format", format);
        if (encoding != null) {
            body.put("encoding", encoding);
        }
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/attendance/exports"))
                .header("Authorization", "Bearer " + api.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(body))).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
