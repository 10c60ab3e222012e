package hk.lantau.attendance.internal;

import hk.lantau.attendance.Shift;
import hk.lantau.attendance.ShiftDefinition;
import hk.lantau.attendance.Shifts;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ShiftService implements Shifts {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int MAX_FLEXIBLE = 240;

    private final ShiftRepository shifts;
    private final Rejudging rejudging;
    private final Audit audit;
    private final Clock clock;

    ShiftService(ShiftRepository shifts, Rejudging rejudging, Audit audit, Clock clock) {
        this.shifts = shifts;
        this.rejudging = rejudging;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Shift> list(long tenantId) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return shifts.list(tenantId);
    }

    @Override
    @Transactional(readOnly = true)
    public Shift get(long tenantId, long shiftId) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return shifts.find(tenantId, shiftId).orElseThrow(ShiftService::notFound);
    }

    @Override
    @Transactional
    public Shift create(long tenantId, ShiftDefinition definition) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        Shift shift = validate(definition);
        long id = shifts.insert(tenantId, shift, clock.instant());
        audit.record(tenantId, "attendance.shift.created", "attendance_shift", id, summary(shift));
        return shifts.find(tenantId, id).orElseThrow();
    }

    @Override
    @Transactional
    public Shift update(long tenantId, long shiftId, ShiftDefinition definition) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        shifts.find(tenantId, shiftId).orElseThrow(ShiftService::notFound);
        Shift shift = validate(definition);
        shifts.update(tenantId, shiftId, shift, clock.instant());
        Shift saved = shifts.find(tenantId, shiftId).orElseThrow();
        Map<String, Object> changes = summary(saved);
        changes.put("rejudgedRecords", rejudging.shiftChanged(tenantId, saved));
        audit.record(tenantId, "attendance.shift.updated", "attendance_shift", shiftId, changes);
        return saved;
    }

    @Override
    @Transactional
    public void delete(long tenantId, long shiftId) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        Shift shift = shifts.find(tenantId, shiftId).orElseThrow(ShiftService::notFound);
        if (shifts.inUse(tenantId, shiftId)) {
            throw LantauException.conflict("attendance.shift_in_use",
                    "An attendance group uses this shift; give the group another shift first.");
        }
        shifts.delete(tenantId, shiftId);
        audit.record(tenantId, "attendance.shift.deleted", "attendance_shift", shiftId, Map.of("name", shift.name()));
    }

    static LantauException notFound() {
        return LantauException.notFound("attendance.shift_not_found", "No such shift.");
    }

    private static Map<String, Object> summary(Shift s) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", s.name());
        summary.put("onTime", HH_MM.format(s.onTime()));
        summary.put("offTime", HH_MM.format(s.offTime()));
        summary.put("flexibleMinutes", s.flexibleMinutes());
        summary.put("seriousLateMinutes", s.seriousLateMinutes());
        summary.put("workingDays", s.workingDays().stream().map(DayOfWeek::name).toList());
        return summary;
    }

    /** Refuses impossible shifts: unreadable or equal times, thresholds out of order or longer than the shift. */
    private static Shift validate(ShiftDefinition d) {
        List<FieldViolation> errors = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldViolation("name", "attendance.name_invalid", "Give a name of 1 to 100 characters."));
        }
        LocalTime on = time(d.onTime(), "onTime", errors);
        LocalTime off = time(d.offTime(), "offTime", errors);
        int length = 0;
        if (on != null && off != null) {
            length = (off.toSecondOfDay() - on.toSecondOfDay()) / 60;
            if (length <= 0) {
                length += 24 * 60;
            }
            if (on.equals(off)) {
                errors.add(new FieldViolation("offTime", "attendance.shift_times_impossible",
                        "The off time must differ from the on time; an earlier off time ends the next day."));
            }
        }
        int flexible = d.flexibleMinutes() == null ? 0 : d.flexibleMinutes();
        if (flexible < 0 || flexible > MAX_FLEXIBLE || length > 0 && flexible >= length) {
            errors.add(new FieldViolation("flexibleMinutes", "attendance.threshold_invalid",
                    "Flexible minutes run from 0 to 240 and end before the shift does."));
        }
        Integer serious = d.seriousLateMinutes();
        if (serious == null || serious <= flexible || length > 0 && serious >= length) {
            errors.add(new FieldViolation("seriousLateMinutes", "attendance.threshold_invalid",
                    "Serious lateness starts after the flexible minutes and before the shift ends."));
        }
        Integer absent = d.absentLateMinutes();
        if (absent != null && (serious == null || absent <= serious || length > 0 && absent >= length)) {
            errors.add(new FieldViolation("absentLateMinutes", "attendance.threshold_invalid",
                    "Absence by lateness starts after serious lateness and before the shift ends."));
        }
        if (d.workingDays() == null || d.workingDays().isEmpty() || d.workingDays().stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldViolation("workingDays", "attendance.working_days_invalid",
                    "Name at least one working day, e.g. MONDAY."));
        }
        if (!errors.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "attendance.shift_invalid",
                    "Some values of the shift are missing or not valid.", errors);
        }
        return new Shift(0, name, on, off, !off.isAfter(on), flexible, serious, absent,
                List.copyOf(new TreeSet<>(d.workingDays())));
    }

    private static LocalTime time(String value, String field, List<FieldViolation> errors) {
        try {
            if (value != null && value.length() == 5) {
                return LocalTime.parse(value, HH_MM);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldViolation(field, "attendance.shift_time_invalid", "Give a time of day as HH:mm, e.g. 09:00."));
        return null;
    }
}
