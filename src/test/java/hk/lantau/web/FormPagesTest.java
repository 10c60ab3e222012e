package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.forms.FormsApiTestSupport;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The smart form pages over HTTP: answering with refused values kept, the editor and the summary. */
class FormPagesTest extends FormsApiTestSupport {

    private PageClient pages(Person person) {
        PageClient page = new PageClient(baseUrl());
        page.signIn(person.email(), PASSWORD, () -> totpCode(person.email()));
        return page;
    }

    @Test
    void staffAnswerOnTheFormPageAndHrReadsTheSummary() {
        LocalDate day = next(DayOfWeek.MONDAY);
        at(day, LocalTime.of(8, 55));
        Org org = newOrganisation();
        Person hr = admin(org);
        Person amy = person(org, "Amy Answer");
        Person olive = person(org, "Olive Outside");
        long formId = createForm(org.admin(), definition("Health check", people(amy),
                Map.of("kind", "DAILY", "time", "09:00")));
        at(day, LocalTime.of(9, 0));
        roundJob.run();
        long roundId = rounds(org.admin(), formId).get(0).get("id").asLong();

        PageClient page = pages(amy);
        assertThat(page.get("/forms").body()).contains("Health check", "/forms/rounds/" + roundId);
        var form = page.get("/forms/rounds/" + roundId);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"v.symptoms\"", "name=\"v.temperature\"", "Answer before you start work.");
        var refused = page.postAll("/forms/rounds/" + roundId, List.of(Map.entry("v.symptoms", "Maybe"),
                Map.entry("v.temperature", "50")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-test=\"form-errors\"", "value=\"50\"");
        assertThat(count("select count(*) from frm_answer where round_id = ?", roundId)).isZero();
        var saved = page.postAll("/forms/rounds/" + roundId, List.of(Map.entry("v.symptoms", "No"),
                Map.entry("v.temperature", "36.6"), Map.entry("v.where", "Office"), Map.entry("v.where", "Home")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.location()).contains("?done=answered");
        var again = page.get("/forms/rounds/" + roundId + "?done=answered");
        assertThat(again.body()).contains("data-test=\"answered\"", "value=\"36.6\"", "Save my change");
        assertThat(pages(olive).get("/forms/rounds/" + roundId).status()).isEqualTo(404);
        assertThat(pages(olive).get("/admin/forms").status()).isEqualTo(403);

        PageClient admin = pages(hr);
        assertThat(admin.get("/admin/forms").body()).contains("Health check", "Every day");
        assertThat(admin.get("/admin/forms/new?preset=health-declaration").body())
                .contains("Daily health declaration", "symptoms");
        var bad = admin.post("/admin/forms/new", Map.of("title", "Empty", "components", "[", "kind", "DAILY",
                "time", "09:00", "retentionDays", "30"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("The questions are not valid JSON.");
        var summary = admin.get("/admin/forms/" + formId + "/rounds/" + roundId);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body()).contains("1 of 1 answered", "Amy Answer", "36.6", "export?format=csv");
        var csv = admin.get("/admin/forms/" + formId + "/rounds/" + roundId + "/export?format=csv&bom=true");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Amy Answer", "Office; Home");
        assertThat(admin.get("/admin/forms?lang=zh-HK").body()).contains("智能表單");
    }
}
