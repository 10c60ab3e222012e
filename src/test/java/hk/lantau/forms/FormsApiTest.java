package hk.lantau.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Smart forms through the API: rounds open at 09:00 Hong Kong time on working days only, reminders
 * reach only those who have not answered, answers are taken once and checked by approval's rules,
 * and bad input or another organisation's caller changes nothing.
 */
class FormsApiTest extends FormsApiTestSupport {

    @Test
    void roundsOpenAtNineOnWorkingDaysOnlyAndRemindOnlyThoseWhoHaveNotAnswered() {
        LocalDate friday = next(DayOfWeek.FRIDAY);
        LocalDate monday = friday.plusDays(3);
        at(friday, LocalTime.of(8, 55));
        Org org = newOrganisation();
        long department = createDepartment(org.admin(), "Kitchen", 1L);
        Person amy = person(org, "Amy Answer");
        Person ben = person(org, "Ben Behind");
        Person outsider = person(org, "Olive Outside");
        String cook = createUser(org.admin(), "Cara Cook", department);
        var holiday = org.admin().post("/api/v1/attendance/holidays", json("date", monday.toString(), "name",
                "Holiday"));
        assertThat(holiday.status()).as(holiday.body()).isEqualTo(201);

        long formId = createForm(org.admin(), definition("Health check", json("userIds",
                List.of(amy.userId(), ben.userId()), "departmentIds", List.of(department)), workingDays("09:00", "11:00")));
        JsonNode form = org.admin().get(FORMS + "/" + formId).json();
        assertThat(Instant.parse(form.get("nextRoundAt").asText()))
                .isEqualTo(friday.atTime(9, 0).atZone(HK).toInstant());
        assertThat(form.get("retentionDays").asInt()).isEqualTo(30);
        assertThat(auditCount(org, "forms.form.created")).isEqualTo(1);

        at(friday, LocalTime.of(8, 59));
        roundJob.run();
        assertThat(rounds(org.admin(), formId)).isEmpty();

        at(friday, LocalTime.of(9, 0, 30));
        roundJob.run();
        roundJob.run();
        List<JsonNode> fridays = rounds(org.admin(), formId);
        assertThat(fridays).hasSize(1);
        JsonNode round = fridays.get(0);
        long fridayRound = round.get("id").asLong();
        assertThat(round.get("date").asText()).isEqualTo(friday.toString());
        assertThat(round.get("status").asText()).isEqualTo("OPEN");
        assertThat(round.get("expected").asInt()).isEqualTo(3);
        assertThat(notices(amy, "Health check: please answer")).hasSize(1);
        assertThat(notices(ben, "Health check: please answer")).hasSize(1);
        assertThat(notices(outsider, "Health check")).isEmpty();
        JsonNode notice = notices(amy, "Health check").get(0).get("content");
        assertThat(notice.get("singleUrl").asText()).endsWith("/forms/rounds/" + fridayRound);
        assertThat(count("select count(*) from frm_recipient where round_id = ? and userid = ?", fridayRound, cook))
                .isEqualTo(1);

        var mine = amy.api().get(FORMS + "/mine");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get(0).get("id").asLong()).isEqualTo(fridayRound);
        var answered = answer(amy, fridayRound, "No", "36.6", "[\"Office\"]");
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.json().get("answer").get(1).get("value").asText()).isEqualTo("36.6");
        var twice = answer(amy, fridayRound, "No", "36.7", "Office");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("forms.already_answered");
        var changed = amy.api().put(FORMS + "/mine/" + fridayRound + "/answer", json("formValues", List.of(
                json("id", "symptoms", "value", "No"), json("id", "temperature", "value", "36.8"))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("answer").get(1).get("value").asText()).isEqualTo("36.8");
        var notYet = ben.api().put(FORMS + "/mine/" + fridayRound + "/answer", json("formValues", List.of()));
        assertThat(notYet.code()).isEqualTo("forms.answer_not_found");
        var outside = outsider.api().get(FORMS + "/mine/" + fridayRound);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.code()).isEqualTo("forms.round_not_found");
        assertThat(answer(outsider, fridayRound, "No", "36.6", "Home").status()).isEqualTo(404);

        at(friday, LocalTime.of(10, 59));
        roundJob.run();
        assertThat(notices(again(ben), "Reminder")).isEmpty();
        at(friday, LocalTime.of(11, 0, 30));
        roundJob.run();
        roundJob.run();
        assertThat(notices(again(ben), "Reminder: Health check")).hasSize(1);
        assertThat(notices(again(amy), "Reminder")).isEmpty();

        // Saturday, Sunday and the Monday holiday open nothing; Tuesday opens and closes Friday's.
        for (LocalDate day = friday.plusDays(1); !day.isAfter(monday); day = day.plusDays(1)) {
            at(day, LocalTime.of(9, 1));
            roundJob.run();
        }
        assertThat(rounds(signInAgain(org.adminEmail()), formId)).hasSize(1);
        at(monday.plusDays(1), LocalTime.of(9, 1));
        roundJob.run();
        Api admin = signInAgain(org.adminEmail());
        List<JsonNode> all = rounds(admin, formId);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("date").asText()).isEqualTo(monday.plusDays(1).toString());
        assertThat(all.get(1).get("status").asText()).isEqualTo("CLOSED");
        var late = answer(again(ben), fridayRound, "No", "36.6", "Home");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("forms.round_closed");
        assertThat(auditCount(org, "forms.round.opened")).isEqualTo(2);
    }

    @Test
    void badDefinitionsAreRefusedWithEveryProblemAndStoreNothing() {
        at(next(DayOfWeek.MONDAY), LocalTime.of(8, 55));
        Org org = newOrganisation();
        Person amy = person(org, "Amy Answer");
        var bad = org.admin().post(FORMS, json("title", " ", "form", List.of(
                        json("id", "a", "type", "DDSelectField", "label", "Pick"),
                        json("id", "f", "type", "DDAttachment", "label", "File")),
                "audience", json("userIds", List.of("nobody"), "departmentIds", List.of(999_999)),
                "schedule", json("kind", "WEEKLY", "time", "09:00", "reminders", List.of("08:00")),
                "retentionDays", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("forms.form_invalid");
        assertThat(bad.json().get("errors").findValuesAsText("code")).contains("forms.title_invalid",
                "approval.component_options_invalid", "forms.component_unsupported", "forms.user_unknown",
                "forms.department_unknown", "forms.schedule_invalid", "forms.reminder_invalid",
                "forms.retention_invalid");
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("form[0].options", "form[1].type",
                "audience.userIds[0]", "audience.departmentIds[0]", "schedule.daysOfWeek", "schedule.reminders[0]");
        var empty = org.admin().post(FORMS, json("title", "Empty", "form", List.of(), "audience", json(),
                "schedule", json("kind", "ONCE", "date", "2000-01-01", "time", "09:00")));
        assertThat(empty.json().get("errors").findValuesAsText("code")).contains("approval.form_empty",
                "forms.audience_empty", "forms.schedule_invalid");
        assertThat(count("select count(*) from frm_form where tenant_id = ?", tenantId(org))).isZero();
        assertThat(auditCount(org, "forms.form.created")).isZero();
        var staff = amy.api().post(FORMS, definition("Mine", people(amy), workingDays("09:00")));
        assertThat(staff.status()).isEqualTo(403);
    }

    @Test
    void badAnswersAreRefusedByApprovalsRulesAndStoreNothing() {
        LocalDate day = next(DayOfWeek.WEDNESDAY);
        at(day, LocalTime.of(8, 55));
        Org org = newOrganisation();
        Person amy = person(org, "Amy Answer");
        long formId = createForm(org.admin(), definition("Health", people(amy),
                json("kind", "DAILY", "time", "09:00")));
        at(day, LocalTime.of(9, 0));
        roundJob.run();
        long roundId = rounds(org.admin(), formId).get(0).get("id").asLong();

        var bad = amy.api().post(FORMS + "/mine/" + roundId + "/answer", json("formValues", List.of(
                json("id", "symptoms", "value", "Maybe"), json("id", "temperature", "value", "50"),
                json("id", "where", "value", "[\"Moon\"]"), json("id", "ghost", "value", "x"),
                json("id", "note", "value", "text"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("approval.form_invalid");
        assertThat(bad.json().get("errors").findValuesAsText("code")).contains("approval.field_not_an_option",
                "approval.field_out_of_range", "approval.field_unknown", "approval.field_takes_no_value");
        var missing = amy.api().post(FORMS + "/mine/" + roundId + "/answer", json("formValues", List.of()));
        assertThat(missing.json().get("errors").findValuesAsText("code")).containsExactly("approval.field_required");
        assertThat(count("select count(*) from frm_answer where round_id = ?", roundId)).isZero();
        assertThat(auditCount(org, "forms.answer.submitted")).isZero();
    }

    @Test
    void anotherOrganisationSeesNothingOnAnyEndpoint() {
        LocalDate day = next(DayOfWeek.THURSDAY);
        at(day, LocalTime.of(8, 55));
        Org org = newOrganisation();
        Person amy = person(org, "Amy Answer");
        Org other = newOrganisation();
        Person stranger = person(other, "Sid Stranger");
        long formId = createForm(org.admin(), definition("Health", people(amy), json("kind", "DAILY", "time", "09:00")));
        at(day, LocalTime.of(9, 0));
        roundJob.run();
        long roundId = rounds(org.admin(), formId).get(0).get("id").asLong();
        String base = FORMS + "/" + formId;
        Map<String, Object> definition = definition("Taken", people(amy), json("kind", "DAILY", "time", "09:00"));

        assertThat(other.admin().get(base).code()).isEqualTo("forms.form_not_found");
        assertThat(other.admin().put(base, definition).code()).isEqualTo("forms.form_not_found");
        assertThat(other.admin().post(base + "/archive", json()).code()).isEqualTo("forms.form_not_found");
        assertThat(other.admin().get(base + "/rounds").code()).isEqualTo("forms.form_not_found");
        assertThat(other.admin().get(base + "/rounds/" + roundId + "/summary").code())
                .isEqualTo("forms.form_not_found");
        assertThat(other.admin().get(base + "/rounds/" + roundId + "/export").code())
                .isEqualTo("forms.form_not_found");
        assertThat(other.admin().get(FORMS).json()).isEmpty();
        assertThat(stranger.api().get(FORMS + "/mine/" + roundId).code()).isEqualTo("forms.round_not_found");
        assertThat(answer(stranger, roundId, "No", "36.5", "Home").code()).isEqualTo("forms.round_not_found");
        assertThat(stranger.api().put(FORMS + "/mine/" + roundId + "/answer", json("formValues", List.of())).code())
                .isEqualTo("forms.round_not_found");
        assertThat(stranger.api().get(FORMS + "/mine").json()).isEmpty();
        assertThat(org.admin().get(base).json().get("title").asText()).isEqualTo("Health");
        assertThat(count("select count(*) from frm_answer where round_id = ?", roundId)).isZero();
    }

    @Test
    void theHealthDeclarationPresetSavesOnceGivenAnAudienceAndArchivingStopsRounds() {
        LocalDate day = next(DayOfWeek.TUESDAY);
        at(day, LocalTime.of(8, 55));
        Org org = newOrganisation();
        Person amy = person(org, "Amy Answer");
        var presets = org.admin().get(FORMS + "/presets");
        assertThat(presets.status()).as(presets.body()).isEqualTo(200);
        JsonNode preset = presets.json().get(0);
        assertThat(preset.get("key").asText()).isEqualTo("health-declaration");
        JsonNode definition = preset.get("definition");
        assertThat(definition.get("schedule").get("kind").asText()).isEqualTo("WORKING_DAYS");
        assertThat(definition.get("retentionDays").asInt()).isEqualTo(30);
        ((com.fasterxml.jackson.databind.node.ObjectNode) definition).set("audience",
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(people(amy)));
        var created = org.admin().post(FORMS, definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long formId = created.json().get("id").asLong();

        var archived = org.admin().post(FORMS + "/" + formId + "/archive", json());
        assertThat(archived.json().get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(archived.json().hasNonNull("nextRoundAt")).isFalse();
        at(day, LocalTime.of(9, 1));
        roundJob.run();
        assertThat(rounds(org.admin(), formId)).isEmpty();
        var change = org.admin().put(FORMS + "/" + formId, definition);
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.code()).isEqualTo("forms.form_archived");
        assertThat(org.admin().get(FORMS).json()).isEmpty();
        assertThat(org.admin().get(FORMS + "?includeArchived=true").json()).hasSize(1);
    }
}
