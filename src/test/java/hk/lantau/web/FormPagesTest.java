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
        var bad = admin.post("/admin/forms/new", Map.of("title", "Empty", "json", "[", "action", "import",
                "kind", "DAILY", "time", "09:00", "retentionDays", "30"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("The questions are not valid JSON.", "value=\"Empty\"", ">[</textarea>");
        var summary = admin.get("/admin/forms/" + formId + "/rounds/" + roundId);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body()).contains("1 of 1 answered", "Amy Answer", "36.6", "export?format=csv");
        var csv = admin.get("/admin/forms/" + formId + "/rounds/" + roundId + "/export?format=csv&bom=true");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Amy Answer", "Office; Home");
        assertThat(admin.get("/admin/forms?lang=zh-HK").body()).contains("智能表單");
    }

    @Test
    void theEditorKeepsEveryoneAlreadyAskedAndOffersTheDesigner() {
        at(next(DayOfWeek.MONDAY), LocalTime.of(8, 0));
        Org org = newOrganisation();
        Person hr = admin(org);
        Person amy = person(org, "Amy Answer");
        Person sam = person(org, "Sam Suspended");
        long formId = createForm(org.admin(), definition("Health check", people(amy, sam),
                Map.of("kind", "DAILY", "time", "09:00")));
        // Suspended people are not among the colleagues offered, yet they are still asked: the
        // editor must show them chosen, or saving it would drop them without a word.
        assertThat(org.admin().post("/api/v1/users/" + sam.userId() + "/suspend", Map.of()).status()).isEqualTo(200);
        var editor = pages(hr).get("/admin/forms/" + formId);
        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.body()).containsPattern("<option value=\"" + sam.userId() + "\" selected=\"selected\">Sam Suspended")
                .containsPattern("<option value=\"" + amy.userId() + "\" selected=\"selected\">Amy Answer")
                .containsPattern("<option value=\"" + hr.userId() + "\">");
    }

    @Test
    void designersBuildQuestionsOneByOneAndPeopleAnswerThem() {
        LocalDate day = next(DayOfWeek.TUESDAY);
        at(day, LocalTime.of(8, 0));
        Org org = newOrganisation();
        Person hr = admin(org);
        Person amy = person(org, "Amy Answer");
        PageClient admin = pages(hr);
        var empty = admin.get("/admin/forms/new");
        assertThat(empty.body()).contains("No questions yet", "data-test=\"add-question\"")
                .doesNotContain("value=\"DDAttachment\"");

        var added = admin.postAll("/admin/forms/new", editor(amy, "addComponent", "DDSelectField"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("name=\"form[0].label\"", "value=\"field1\"", "value=\"Check-in\"",
                "name=\"form[0].options\"").as("only a select's own settings")
                .doesNotContain("name=\"form[0].min\"", "name=\"form[0].format\"", "name=\"form[0].currency\"");

        List<Map.Entry<String, String>> three = editor(amy, "addComponent", "DDDateField",
                "Where do you work today?", "TextField", "", "Any symptoms?", "DDSelectField", "No\nYes",
                "Temperature", "NumberField", "");
        var four = admin.postAll("/admin/forms/new", three);
        assertThat(four.body()).contains("name=\"form[3].type\"", "value=\"field4\"", "Any symptoms?");
        var moved = admin.postAll("/admin/forms/new", editor(amy, "upComponent:2", null,
                "Where do you work today?", "TextField", "", "Any symptoms?", "DDSelectField", "No\nYes",
                "Temperature", "NumberField", ""));
        assertThat(moved.body().indexOf("value=\"Temperature\"")).isLessThan(moved.body().indexOf("value=\"Any symptoms?\""));
        var removed = admin.postAll("/admin/forms/new", editor(amy, "removeComponent:0", null,
                "Where do you work today?", "TextField", "", "Any symptoms?", "DDSelectField", "No\nYes"));
        assertThat(removed.body()).doesNotContain("Where do you work today?").contains("value=\"Any symptoms?\"")
                .doesNotContain("name=\"form[1].label\"");

        var noOptions = admin.postAll("/admin/forms/new", editor(amy, "save", null,
                "Where do you work today?", "TextField", "", "Any symptoms?", "DDSelectField", "",
                "Temperature", "NumberField", ""));
        assertThat(noOptions.status()).isEqualTo(400);
        String refused = noOptions.body();
        assertThat(refused).contains("A select has 1 to 100 distinct options", "href=\"#c-1\"",
                "value=\"Check-in\"", "value=\"Where do you work today?\"", "value=\"Temperature\"")
                .containsPattern("value=\"" + amy.userId() + "\" selected");
        String card = refused.substring(refused.indexOf("id=\"c-1\""), refused.indexOf("id=\"c-2\""));
        assertThat(card).contains("A select has 1 to 100 distinct options");
        assertThat(refused).contains("class=\"component-card part-error\" id=\"c-1\"")
                .doesNotContain("class=\"component-card part-error\" id=\"c-0\"");
        assertThat(org.admin().get(FORMS).json()).isEmpty();

        var saved = admin.postAll("/admin/forms/new", editor(amy, "save", null,
                "Where do you work today?", "TextField", "", "Any symptoms?", "DDSelectField", "No\nYes",
                "Temperature", "NumberField", ""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        long formId = Long.parseLong(saved.location().replaceAll(".*/admin/forms/(\\d+)\\?done=saved$", "$1"));
        var stored = org.admin().get(FORMS + "/" + formId).json().get("form");
        assertThat(stored).hasSize(3);
        assertThat(stored.get(1).get("type").asText()).isEqualTo("DDSelectField");
        assertThat(stored.get(1).get("required").asBoolean()).isTrue();
        assertThat(stored.get(1).get("options").toString()).isEqualTo("[\"No\",\"Yes\"]");
        assertThat(admin.get("/admin/forms/" + formId).body()).contains("value=\"Any symptoms?\"", "No\nYes");

        at(day, LocalTime.of(9, 0));
        roundJob.run();
        long roundId = rounds(org.admin(), formId).get(0).get("id").asLong();
        PageClient person = pages(amy);
        var form = person.get("/forms/rounds/" + roundId);
        assertThat(form.body()).contains("Where do you work today?", "Any symptoms?", "Temperature");
        var answered = person.postAll("/forms/rounds/" + roundId, List.of(Map.entry("v.field1", "Kwun Tong office"),
                Map.entry("v.field2", "No"), Map.entry("v.field3", "36.7")));
        assertThat(answered.status()).as(answered.body()).isEqualTo(302);
        var summary = admin.get("/admin/forms/" + formId + "/rounds/" + roundId);
        assertThat(summary.body()).contains("1 of 1 answered", "Amy Answer", "Kwun Tong office", "36.7");
    }

    /**
     * The editor's fields as the page posts them, with questions given as label, type and options,
     * each with the id the editor gave it ({@code field1}, ...) and each select required.
     */
    private static List<Map.Entry<String, String>> editor(Person audience, String action, String newType,
                                                          String... questions) {
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(List.of(Map.entry("title", "Check-in"),
                Map.entry("userIds", audience.userId()), Map.entry("kind", "DAILY"), Map.entry("time", "09:00"),
                Map.entry("retentionDays", "30"), Map.entry("action", action)));
        if (newType != null) {
            fields.add(Map.entry("newType", newType));
        }
        for (int i = 0; i < questions.length / 3; i++) {
            String p = "form[" + i + "].";
            fields.add(Map.entry(p + "id", "field" + (i + 1)));
            fields.add(Map.entry(p + "label", questions[3 * i]));
            fields.add(Map.entry(p + "type", questions[3 * i + 1]));
            fields.add(Map.entry(p + "options", questions[3 * i + 2]));
            fields.add(Map.entry("_" + p + "required", "on"));
            if (questions[3 * i + 1].equals("DDSelectField")) {
                fields.add(Map.entry(p + "required", "on"));
            }
        }
        return fields;
    }
}
