package hk.lantau.approval.internal.time;

import hk.lantau.approval.ApprovalReminders;
import hk.lantau.approval.ApprovalRemindersChanged;
import hk.lantau.approval.ReminderSchedule;
import hk.lantau.approval.ReminderSettings;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ReminderService implements ApprovalReminders {

    static final int MAX_SCHEDULES = 10;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final ScheduleRepository schedules;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReminderService(ScheduleRepository schedules, Organisations organisations, ApplicationEventPublisher events,
                    Clock clock) {
        this.schedules = schedules;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public ReminderSettings get(long tenantId) {
        CurrentActor.require(Permission.APPROVAL_MANAGE);
        return view(tenantId, schedules.list(tenantId));
    }

    @Override
    @Transactional
    public ReminderSettings replace(long tenantId, List<ReminderSchedule> requested) {
        CurrentActor.require(Permission.APPROVAL_MANAGE);
        List<ScheduleRow> rows = validate(requested == null ? List.of() : requested);
        schedules.replace(tenantId, rows, clock.instant());
        events.publishEvent(new ApprovalRemindersChanged(tenantId, rows.stream()
                .map(r -> r.days().stream().sorted().map(DayOfWeek::name).reduce((a, b) -> a + "," + b).orElse("")
                        + "@" + r.time() + (r.enabled() ? "" : " (off)")).toList()));
        return view(tenantId, schedules.list(tenantId));
    }

    private ReminderSettings view(long tenantId, List<ScheduleRow> rows) {
        ZoneId zone = organisations.get(tenantId).timeZone();
        Instant now = clock.instant();
        return new ReminderSettings(zone.getId(), rows.stream().map(r -> new ReminderSettings.Schedule(
                r.days().stream().sorted().toList(), r.time().format(HH_MM), r.enabled(),
                r.enabled() ? ReminderTimes.nextAfter(r.days(), r.time(), zone, now).orElse(null) : null,
                r.lastOccurrence())).toList());
    }

    private static List<ScheduleRow> validate(List<ReminderSchedule> requested) {
        List<FieldViolation> violations = new ArrayList<>();
        if (requested.size() > MAX_SCHEDULES) {
            violations.add(new FieldViolation("schedules", "approval.reminders_too_many",
                    "An organisation has at most " + MAX_SCHEDULES + " reminder schedules."));
        }
        List<ScheduleRow> rows = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            ReminderSchedule s = requested.get(i);
            String field = "schedules[" + i + "]";
            Set<DayOfWeek> days = days(s, field, violations);
            LocalTime time = time(s.time(), field, violations);
            if (days == null || time == null) {
                continue;
            }
            boolean enabled = !Boolean.FALSE.equals(s.enabled());
            for (DayOfWeek day : days) {
                if (enabled && !taken.add(day + "@" + time)) {
                    violations.add(new FieldViolation(field, "approval.reminder_overlap",
                            "Two schedules send on " + day + " at " + time.format(HH_MM) + "."));
                }
            }
            rows.add(new ScheduleRow(0, 0, days, time, enabled, null, null));
        }
        if (!violations.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "approval.reminders_invalid",
                    "Some reminder schedules are not valid.", violations);
        }
        return rows;
    }

    private static Set<DayOfWeek> days(ReminderSchedule s, String field, List<FieldViolation> violations) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : s.daysOfWeek()) {
            try {
                days.add(DayOfWeek.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                days.clear();
                break;
            }
        }
        if (days.isEmpty()) {
            violations.add(new FieldViolation(field + ".daysOfWeek", "approval.reminder_days_invalid",
                    "Name one or more days of the week, such as SATURDAY."));
            return null;
        }
        return days;
    }

    private static LocalTime time(String value, String field, List<FieldViolation> violations) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field + ".time", "approval.reminder_time_invalid",
                    "Give the local time as HH:mm, from 00:00 to 23:59."));
            return null;
        }
    }
}
