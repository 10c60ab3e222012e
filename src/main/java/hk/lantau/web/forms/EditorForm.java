package hk.lantau.web.forms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hk.lantau.approval.FormComponent;
import hk.lantau.forms.FormAudience;
import hk.lantau.forms.FormDefinition;
import hk.lantau.forms.FormSchedule;
import hk.lantau.forms.FormView;
import hk.lantau.forms.ScheduleKind;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.web.approvals.TemplateForm;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.util.MultiValueMap;

/**
 * The editor's fields as posted and drawn again. The questions are approval form components,
 * edited one by one with the approval template editor's parts, or loaded from the JSON the API
 * takes; everything else has its own field. A value the page cannot read is refused here with the
 * code the service would use.
 */
public final class EditorForm {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY).enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<List<FormComponent>> COMPONENTS = new TypeReference<>() {
    };

    private final MultiValueMap<String, String> values;
    private final List<TemplateForm.Field> questions;
    /** JSON that could not be loaded, drawn again as typed. */
    private String rejectedJson;

    private EditorForm(MultiValueMap<String, String> values, List<TemplateForm.Field> questions) {
        this.values = values;
        this.questions = questions;
    }

    static EditorForm posted(MultiValueMap<String, String> params, List<TemplateForm.Field> questions) {
        return new EditorForm(params, questions);
    }

    static EditorForm from(FormView form) {
        return from(new FormDefinition(form.title(), form.description(), form.form(), form.audience(), form.schedule(),
                form.retentionDays(), form.anonymous()));
    }

    static EditorForm from(FormDefinition d) {
        var v = new org.springframework.util.LinkedMultiValueMap<String, String>();
        if (d == null) {
            v.add("kind", ScheduleKind.WORKING_DAYS.name());
            v.add("time", "09:00");
            v.add("retentionDays", "30");
            return new EditorForm(v, new ArrayList<>());
        }
        v.add("title", d.title());
        v.add("description", d.description());
        d.audience().userIds().forEach(u -> v.add("userIds", u));
        d.audience().departmentIds().forEach(id -> v.add("departmentIds", String.valueOf(id)));
        FormSchedule s = d.schedule();
        v.add("kind", s.kind().name());
        v.add("date", s.date() == null ? "" : s.date().toString());
        s.daysOfWeek().forEach(day -> v.add("days", day.name()));
        v.add("time", s.time().toString());
        v.add("reminders", String.join(", ", s.reminders().stream().map(LocalTime::toString).toList()));
        v.add("retentionDays", String.valueOf(d.retentionDays()));
        if (Boolean.TRUE.equals(d.anonymous())) {
            v.add("anonymous", "true");
        }
        return new EditorForm(v, new ArrayList<>(d.form().stream().map(TemplateForm.Field::of).toList()));
    }

    public String one(String name) {
        String value = values.getFirst(name);
        return value == null ? "" : value;
    }

    public List<String> many(String name) {
        List<String> list = values.get(name);
        return list == null ? List.of() : list;
    }

    public List<TemplateForm.Field> getQuestions() {
        return questions;
    }

    /** The questions as the API takes them, for the JSON box. */
    public String getJson() {
        if (rejectedJson != null) {
            return rejectedJson;
        }
        try {
            return JSON.writeValueAsString(questions.stream().map(TemplateForm.Field::toComponent).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The questions pasted into the JSON box in place of the drawn ones; false, and nothing changed, when they are not JSON components. */
    boolean load(String json) {
        try {
            List<FormComponent> loaded = JSON.readValue(json == null || json.isBlank() ? "[]" : json, COMPONENTS);
            questions.clear();
            loaded.stream().filter(Objects::nonNull).forEach(c -> questions.add(TemplateForm.Field.of(c)));
            return true;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            rejectedJson = json;
            return false;
        }
    }

    FormDefinition toDefinition() {
        List<FormComponent> form = questions.stream().map(TemplateForm.Field::toComponent).toList();
        List<Long> departments = new ArrayList<>();
        many("departmentIds").stream().filter(id -> id.matches("\\d{1,18}")).forEach(id -> departments.add(Long.valueOf(id)));
        ScheduleKind kind = Arrays.stream(ScheduleKind.values()).filter(k -> k.name().equals(one("kind"))).findFirst()
                .orElse(null);
        List<DayOfWeek> days = Arrays.stream(DayOfWeek.values()).filter(d -> many("days").contains(d.name())).toList();
        List<LocalTime> reminders = Arrays.stream(one("reminders").split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).map(t -> time(t, "schedule.reminders")).toList();
        FormSchedule schedule = new FormSchedule(kind, kind == ScheduleKind.ONCE ? date(one("date")) : null,
                kind == ScheduleKind.WEEKLY ? days : List.of(), one("time").isBlank() ? null : time(one("time"),
                "schedule.time"), reminders);
        Integer retention;
        try {
            retention = Integer.valueOf(one("retentionDays").strip());
        } catch (NumberFormatException e) {
            throw LantauException.invalidField("retentionDays", "forms.retention_invalid", "Give a number of days.");
        }
        return new FormDefinition(one("title"), one("description").isBlank() ? null : one("description"), form,
                new FormAudience(many("userIds").stream().filter(u -> !u.isBlank()).toList(), departments), schedule,
                retention, "true".equals(one("anonymous")));
    }

    /** Whether a violation is on the questions, which the question cards show. */
    static boolean onQuestions(FieldViolation v) {
        return v.field() != null && (v.field().equals("form") || v.field().startsWith("form["));
    }

    /** Errors on list entries shown next to the field that holds them; the questions' are left out. */
    static List<FieldViolation> onFields(LantauException e) {
        return e.violations().stream().filter(v -> !onQuestions(v))
                .map(v -> new FieldViolation(field(v.field()), v.code(), v.message())).toList();
    }

    private static String field(String path) {
        if (path == null) {
            return "";
        }
        if (path.startsWith("audience")) {
            return "audience";
        }
        return path.replaceAll("\\[\\d+]$", "");
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw LantauException.invalidField(field, field.equals("schedule.time") ? "forms.schedule_invalid"
                    : "forms.reminder_invalid", "Give times as HH:mm.");
        }
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
