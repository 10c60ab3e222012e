package hk.lantau.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.PersonalDataContributor;
import hk.lantau.support.Api;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A round's summary, its exports, the purge after the retention period and the person's own data. */
class FormsSummaryApiTest extends FormsApiTestSupport {

    @Autowired
    private List<PersonalDataContributor> contributors;

    private record World(Org org, long formId, long roundId, LocalDate day, Person amy, Person ben, Person cat,
                         Person dan) {
    }

    /** Kitchen: Amy and Ben; Office: Cat and Dan. Amy, Ben and Cat answer; Dan does not. */
    private World world(boolean anonymous) {
        LocalDate day = next(DayOfWeek.WEDNESDAY);
        at(day, LocalTime.of(8, 55));
        Org org = newOrganisation();
        long kitchen = createDepartment(org.admin(), "Kitchen", 1L);
        long office = createDepartment(org.admin(), "Office", 1L);
        Person amy = member(org, "Amy Answer", kitchen);
        Person ben = member(org, "Ben Fever", kitchen);
        Person cat = member(org, "Cat Calm", office);
        Person dan = member(org, "Dan Late", office);
        Map<String, Object> definition = definition("Health", json("departmentIds", List.of(kitchen, office)),
                json("kind", "DAILY", "time", "09:00"));
        definition.put("anonymous", anonymous);
        long formId = createForm(org.admin(), definition);
        at(day, LocalTime.of(9, 0));
        roundJob.run();
        long roundId = rounds(org.admin(), formId).get(0).get("id").asLong();
        assertThat(answer(amy, roundId, "No", "36.5", "[\"Office\"]").status()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        assertThat(answer(ben, roundId, "Yes", "38.0", "[\"Home\",\"Site\"]").status()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        assertThat(answer(cat, roundId, "No", "", "Office,Home").status()).isEqualTo(201);
        return new World(org, formId, roundId, day, amy, ben, cat, dan);
    }

    private Person member(Org org, String name, long department) {
        String userId = createUser(org.admin(), name, department);
        return new Person(userId, name, null, signInAs(org, userId));
    }

    @Test
    void theSummaryCountsExactlyAndNamesWhoHasNotAnsweredByDepartment() {
        World w = world(false);
        var summary = w.org().admin().get(path(w) + "/summary");
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        JsonNode body = summary.json();
        assertThat(body.get("round").get("expected").asInt()).isEqualTo(4);
        assertThat(body.get("round").get("submitted").asInt()).isEqualTo(3);
        JsonNode questions = body.get("questions");
        assertThat(texts(questions, "id")).containsExactly("symptoms", "temperature", "where");
        assertThat(questions.get(0).get("answered").asInt()).isEqualTo(3);
        assertThat(questions.get(0).get("counts").toString()).isEqualTo("{\"No\":2,\"Yes\":1}");
        assertThat(questions.get(1).get("answered").asInt()).isEqualTo(2);
        assertThat(questions.get(1).get("numbers").get("min").decimalValue()).isEqualByComparingTo("36.5");
        assertThat(questions.get(1).get("numbers").get("max").decimalValue()).isEqualByComparingTo("38.0");
        assertThat(questions.get(1).get("numbers").get("mean").decimalValue()).isEqualByComparingTo("37.25");
        assertThat(questions.get(2).get("counts").toString()).isEqualTo("{\"Office\":2,\"Home\":2,\"Site\":1}");
        assertThat(texts(body.get("answers"), "name")).containsExactly("Amy Answer", "Ben Fever", "Cat Calm");
        JsonNode pending = body.get("notSubmitted");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("departmentName").asText()).isEqualTo("Office");
        assertThat(texts(pending.get(0).get("people"), "name")).containsExactly("Dan Late");

        var staff = w.amy().api().get(path(w) + "/summary");
        assertThat(staff.status()).isEqualTo(403);
    }

    @Test
    void exportsAreCsvWithAnOptionalByteOrderMarkAndXlsx() throws IOException, InterruptedException {
        World w = world(false);
        byte[] csv = download(w.org().admin(), path(w) + "/export?format=csv&bom=true");
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Name,User ID,Department,Submitted at,Symptoms today?,Temperature,Where today");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).startsWith("Ben Fever," + w.ben().userId() + ",Kitchen," + w.day() + " 09:01")
                .endsWith(",Yes,38.0,Home; Site");
        byte[] plain = download(w.org().admin(), path(w) + "/export?format=csv");
        assertThat(plain[0]).isEqualTo((byte) 'N');

        byte[] xlsx = download(w.org().admin(), path(w) + "/export?format=xlsx");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Symptoms today?");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Cat Calm");
            assertThat(sheet.getRow(3).getCell(6).getStringCellValue()).isEqualTo("Office; Home");
        }
        assertThat(auditCount(w.org(), "forms.round.exported")).isEqualTo(3);
        var bad = w.org().admin().get(path(w) + "/export?format=pdf");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("forms.export_format_invalid");
    }

    @Test
    void anAnonymousFormShowsAnswersWithoutPeopleButStillWhoHasNotAnswered() throws Exception {
        World w = world(true);
        JsonNode body = w.org().admin().get(path(w) + "/summary").json();
        assertThat(body.get("answers")).hasSize(3);
        body.get("answers").forEach(a -> assertThat(a.hasNonNull("userId")).isFalse());
        assertThat(texts(body.get("notSubmitted").get(0).get("people"), "name")).containsExactly("Dan Late");
        String csv = new String(download(w.org().admin(), path(w) + "/export"), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("Submitted at,Symptoms today?,Temperature,Where today");
        assertThat(csv).doesNotContain(w.amy().userId()).doesNotContain("Amy");
    }

    @Test
    void answersArePurgedOnDayThirtyOneNotThirtyAndTheCountsStay() {
        World w = world(false);
        at(w.day().plusDays(30), LocalTime.of(23, 59));
        retentionJob.run();
        assertThat(count("select count(*) from frm_answer where round_id = ?", w.roundId())).isEqualTo(3);

        at(w.day().plusDays(31), LocalTime.of(0, 1));
        retentionJob.run();
        retentionJob.run();
        assertThat(count("select count(*) from frm_answer where round_id = ?", w.roundId())).isZero();
        assertThat(count("select count(*) from frm_recipient where round_id = ?", w.roundId())).isZero();
        assertThat(auditCount(w.org(), "forms.round.purged")).isEqualTo(1);
        Api admin = signInAgain(w.org().adminEmail());
        JsonNode body = admin.get(path(w) + "/summary").json();
        assertThat(body.get("round").get("status").asText()).isEqualTo("PURGED");
        assertThat(body.get("round").get("submitted").asInt()).isEqualTo(3);
        assertThat(body.get("questions").get(0).get("counts").toString()).isEqualTo("{\"No\":2,\"Yes\":1}");
        assertThat(body.get("answers")).isEmpty();
        assertThat(body.get("notSubmitted")).isEmpty();
        assertThat(admin.get("/api/v1/forms/" + w.formId() + "/rounds").json().get(0).get("submitted").asInt())
                .isEqualTo(3);
    }

    @Test
    void aPersonsAnswersJoinDataAccessAndErasure() {
        World w = world(false);
        long tenantId = tenantId(w.org());
        PersonalDataContributor forms = contributors.stream().filter(c -> c.section().equals("forms")).findFirst()
                .orElseThrow();
        Map<String, Object> export = ActorScope.callAs(Actor.system(tenantId, "test"),
                () -> forms.export(tenantId, w.ben().userId()));
        assertThat(export.toString()).contains("Health").contains("38.0").doesNotContain("36.5");

        var result = ActorScope.callAs(Actor.system(tenantId, "test"), () -> forms.erase(tenantId, w.ben().userId()));
        assertThat(result.erased()).isEqualTo(1);
        assertThat(count("select count(*) from frm_answer where tenant_id = ? and userid = ?", tenantId,
                w.ben().userId())).isZero();
        assertThat(count("select count(*) from frm_answer where round_id = ?", w.roundId())).isEqualTo(2);
        assertThat(auditCount(w.org(), "forms.personal_data.erased")).isEqualTo(1);
    }

    private static String path(World w) {
        return FORMS + "/" + w.formId() + "/rounds/" + w.roundId();
    }

    private static byte[] download(Api api, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + path)).header("Authorization", "Bearer " + api.token()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
