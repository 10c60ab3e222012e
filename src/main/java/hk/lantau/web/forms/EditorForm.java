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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.util.MultiValueMap;

/**
 * The editor's fields as posted and drawn again. The components are edited as the JSON the API
 * takes (the approval form's component shape); everything else has its own field. A value the page
 * cannot read is refused here with the code the service would use.
 */
public final class EditorForm {

    static final String JSON_INVALID = "forms.editor_json_invalid";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY).enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<List<FormComponent>> COMPONENTS = new TypeReference<>() {
    };

    private final MultiValueMap<String, String> values;

    private EditorForm(MultiValueMap<String, String> values) {
        this.values = values;
    }

    static EditorForm posted(MultiValueMap<String, String> params) {
        return new EditorForm(params);
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
            v.add("components", "[]");
            return new EditorForm(v);
        }
        v.add("title", d.title());
        v.add("description", d.description());
        try {
            v.add("components", JSON.writeValueAsString(d.form()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
        return new EditorForm(v);
    }

    public String one(String name) {
        String value = values.getFirst(name);
        return value == null ? "" : value;
    }

    public List<String> many(String name) {
        List<String> list = values.get(name);
        return list == null ? List.of() : list;
    }

    FormDefinition toDefinition() {
        List<FormComponent> form;
        try {
            form = JSON.readValue(one("components").isBlank() ? "[]" : one("components"), COMPONENTS);
        } catch (JsonProcessingException e) {
            throw LantauException.invalidField("form", JSON_INVALID, "The components are not valid JSON.");
        }
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

    /** Errors on list entries and component paths shown next to the field that holds them. */
    static List<FieldViolation> onFields(LantauException e) {
        return e.violations().stream().map(v -> new FieldViolation(field(v.field()), v.code(), v.message())).toList();
    }

    private static String field(String path) {
        if (path == null) {
            return "";
        }
        if (path.startsWith("form")) {
            return "form";
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
