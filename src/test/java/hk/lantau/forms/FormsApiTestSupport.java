package hk.lantau.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.forms.internal.AnswerRetention;
import hk.lantau.forms.internal.RoundJob;
import hk.lantau.messaging.MessagingApiTestSupport;
import hk.lantau.support.Api;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers of the smart-form tests: a health check form, the jobs, answers and notices through the API. */
public abstract class FormsApiTestSupport extends MessagingApiTestSupport {

    protected static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    protected static final String FORMS = "/api/v1/forms";

    @Autowired
    protected RoundJob roundJob;

    @Autowired
    protected AnswerRetention retentionJob;

    /** A day of the week at least two days ahead of the shared clock. */
    protected LocalDate next(DayOfWeek dayOfWeek) {
        LocalDate day = clock.instant().atZone(HK).toLocalDate().plusDays(2);
        while (day.getDayOfWeek() != dayOfWeek) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Moves the clock forward to a time of a day in Hong Kong. */
    protected void at(LocalDate day, LocalTime time) {
        Instant target = day.atTime(time).atZone(HK).toInstant();
        assertThat(target).as("the shared clock only moves forward").isAfterOrEqualTo(clock.instant());
        clock.set(target);
    }

    /** A health check: a required yes/no, a temperature, places worked, and a note. */
    protected static List<Map<String, Object>> components() {
        return List.of(
                json("id", "note", "type", "TextNote", "label", "Answer before you start work."),
                json("id", "symptoms", "type", "DDSelectField", "label", "Symptoms today?", "required", true,
                        "options", List.of("No", "Yes")),
                json("id", "temperature", "type", "NumberField", "label", "Temperature", "min", 34, "max", 43),
                json("id", "where", "type", "DDMultiSelectField", "label", "Where today",
                        "options", List.of("Office", "Home", "Site")));
    }

    protected static Map<String, Object> definition(String title, Map<String, Object> audience,
                                                    Map<String, Object> schedule) {
        return json("title", title, "form", components(), "audience", audience, "schedule", schedule);
    }

    protected static Map<String, Object> people(Person... people) {
        return json("userIds", List.of(people).stream().map(Person::userId).toList());
    }

    protected static Map<String, Object> workingDays(String time, String... reminders) {
        return json("kind", "WORKING_DAYS", "time", time, "reminders", List.of(reminders));
    }

    protected long createForm(Api admin, Map<String, Object> definition) {
        var created = admin.post(FORMS, definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    protected List<JsonNode> rounds(Api reader, long formId) {
        var listed = reader.get(FORMS + "/" + formId + "/rounds");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        listed.json().forEach(out::add);
        return out;
    }

    protected static Api.Response answer(Person person, long roundId, String symptoms, String temperature,
                                         String where) {
        return person.api().post(FORMS + "/mine/" + roundId + "/answer", json("formValues", List.of(
                json("id", "symptoms", "value", symptoms), json("id", "temperature", "value", temperature),
                json("name", "Where today", "value", where))));
    }

    /** The work notices the person received whose title contains the text. */
    protected static List<JsonNode> notices(Person person, String titleContains) {
        var page = person.api().get("/api/v1/me/notifications?limit=50");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        page.json().get("items").forEach(item -> {
            if (item.get("content").path("title").asText().contains(titleContains)) {
                out.add(item);
            }
        });
        return out;
    }
}
