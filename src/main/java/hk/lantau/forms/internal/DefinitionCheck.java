package hk.lantau.forms.internal;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.FormRules;
import hk.lantau.directory.Audiences;
import hk.lantau.forms.FormAudience;
import hk.lantau.forms.FormDefinition;
import hk.lantau.forms.FormSchedule;
import hk.lantau.forms.ScheduleKind;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Everything a form definition must satisfy before it is stored: its components by approval's
 * rules (docs/approval-forms.md), an audience of existing people and departments, a schedule that
 * will open a round, and a retention period. All problems are reported at once.
 */
@Component
class DefinitionCheck {

    static final int DEFAULT_RETENTION_DAYS = 30;
    static final int MAX_RETENTION_DAYS = 3660;
    static final int MAX_PEOPLE = 1000;
    static final int MAX_DEPARTMENTS = 100;
    static final int MAX_REMINDERS = 3;

    private final FormRules rules;
    private final Audiences audiences;

    DefinitionCheck(FormRules rules, Audiences audiences) {
        this.rules = rules;
        this.audiences = audiences;
    }

    /** The definition with its defaults filled in, or 400 {@code forms.form_invalid} listing each problem. */
    FormDefinition check(long tenantId, FormDefinition d, ZoneId zone, Instant now) {
        if (d == null) {
            throw LantauException.invalid("forms.form_invalid", "Send a form definition.");
        }
        List<FieldViolation> out = new ArrayList<>();
        if (d.title() == null || d.title().isBlank() || d.title().strip().length() > 100) {
            out.add(new FieldViolation("title", "forms.title_invalid", "A title has 1 to 100 characters."));
        }
        if (d.description() != null && d.description().length() > 2000) {
            out.add(new FieldViolation("description", "forms.description_too_long",
                    "A description has at most 2,000 characters."));
        }
        out.addAll(rules.check(d.form()));
        if (d.form() != null) {
            attachments(d.form(), "form", out);
        }
        audience(tenantId, d.audience(), out);
        schedule(d.schedule(), zone, now, out);
        int retention = d.retentionDays() == null ? DEFAULT_RETENTION_DAYS : d.retentionDays();
        if (retention < 1 || retention > MAX_RETENTION_DAYS) {
            out.add(new FieldViolation("retentionDays", "forms.retention_invalid",
                    "Answers are kept 1 to " + MAX_RETENTION_DAYS + " days."));
        }
        if (!out.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "forms.form_invalid",
                    "The form cannot be saved as it is; nothing was stored.", out);
        }
        return new FormDefinition(d.title().strip(), d.description(), d.form(), d.audience(), d.schedule(), retention,
                Boolean.TRUE.equals(d.anonymous()));
    }

    /** Attachments belong to approvals' file store, which forms do not have. */
    private static void attachments(List<FormComponent> form, String path, List<FieldViolation> out) {
        for (int i = 0; i < form.size(); i++) {
            FormComponent c = form.get(i);
            if (c != null && c.type() == ComponentType.DDAttachment) {
                out.add(new FieldViolation(path + "[" + i + "].type", "forms.component_unsupported",
                        "Forms take no attachments."));
            } else if (c != null) {
                attachments(c.children(), path + "[" + i + "].children", out);
            }
        }
    }

    private void audience(long tenantId, FormAudience a, List<FieldViolation> out) {
        if (a == null || a.userIds().isEmpty() && a.departmentIds().isEmpty()) {
            out.add(new FieldViolation("audience", "forms.audience_empty", "Choose people or departments to ask."));
            return;
        }
        if (a.userIds().size() > MAX_PEOPLE || a.departmentIds().size() > MAX_DEPARTMENTS) {
            out.add(new FieldViolation("audience", "forms.audience_too_large",
                    "Name at most " + MAX_PEOPLE + " people and " + MAX_DEPARTMENTS + " departments."));
            return;
        }
        Map<String, ?> known = audiences.statuses(tenantId, a.userIds().stream().filter(u -> u != null).toList());
        for (int i = 0; i < a.userIds().size(); i++) {
            if (!known.containsKey(a.userIds().get(i))) {
                out.add(new FieldViolation("audience.userIds[" + i + "]", "forms.user_unknown",
                        "The organisation has no such person."));
            }
        }
        Set<Long> departments = audiences.existingDepartments(tenantId,
                a.departmentIds().stream().filter(id -> id != null).toList());
        for (int i = 0; i < a.departmentIds().size(); i++) {
            if (!departments.contains(a.departmentIds().get(i))) {
                out.add(new FieldViolation("audience.departmentIds[" + i + "]", "forms.department_unknown",
                        "The organisation has no such department."));
            }
        }
    }

    private static void schedule(FormSchedule s, ZoneId zone, Instant now, List<FieldViolation> out) {
        if (s == null || s.kind() == null) {
            out.add(invalid("schedule.kind", "Choose ONCE, DAILY, WORKING_DAYS or WEEKLY."));
            return;
        }
        if (s.time() == null) {
            out.add(invalid("schedule.time", "Give the time rounds open, as HH:mm."));
            return;
        }
        if (s.kind() == ScheduleKind.ONCE) {
            if (s.date() == null || !Occurrences.at(s, s.date(), zone).isAfter(now)) {
                out.add(invalid("schedule.date", "A form sent once needs a day and time in the future."));
            }
        } else if (s.date() != null) {
            out.add(invalid("schedule.date", "Only a form sent once has a date."));
        }
        if (s.kind() == ScheduleKind.WEEKLY) {
            if (s.daysOfWeek().isEmpty() || s.daysOfWeek().contains(null)
                    || new HashSet<>(s.daysOfWeek()).size() != s.daysOfWeek().size()) {
                out.add(invalid("schedule.daysOfWeek", "A weekly form needs distinct days of the week."));
            }
        } else if (!s.daysOfWeek().isEmpty()) {
            out.add(invalid("schedule.daysOfWeek", "Only a weekly form has days of the week."));
        }
        if (s.reminders().size() > MAX_REMINDERS) {
            out.add(new FieldViolation("schedule.reminders", "forms.reminder_invalid",
                    "A round has at most " + MAX_REMINDERS + " reminders."));
            return;
        }
        Set<LocalTime> seen = new HashSet<>();
        for (int i = 0; i < s.reminders().size(); i++) {
            LocalTime r = s.reminders().get(i);
            if (r == null || !r.isAfter(s.time()) || !seen.add(r)) {
                out.add(new FieldViolation("schedule.reminders[" + i + "]", "forms.reminder_invalid",
                        "Reminders are distinct times later the same day than the round opens."));
            }
        }
    }

    private static FieldViolation invalid(String field, String message) {
        return new FieldViolation(field, "forms.schedule_invalid", message);
    }
}
