package hk.lantau.attendance.internal;

import hk.lantau.attendance.Holiday;
import hk.lantau.attendance.Holidays;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class HolidayService implements Holidays {

    private final HolidayRepository holidays;
    private final Organisations organisations;
    private final Audit audit;
    private final Clock clock;

    HolidayService(HolidayRepository holidays, Organisations organisations, Audit audit, Clock clock) {
        this.holidays = holidays;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Holiday> list(long tenantId, LocalDate from, LocalDate to) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 3660) {
            throw LantauException.invalid("attendance.range_invalid",
                    "Give from and to dates, to not before from, at most ten years apart.");
        }
        return holidays.list(tenantId, from, to);
    }

    @Override
    @Transactional
    public Holiday add(long tenantId, LocalDate date, String name) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        if (date == null) {
            throw LantauException.invalidField("date", "attendance.date_invalid", "Give the date as yyyy-MM-dd.");
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw LantauException.invalidField("name", "attendance.name_invalid", "Give a name of 1 to 200 characters.");
        }
        if (holidays.exists(tenantId, date)) {
            throw LantauException.conflictField("date", "attendance.holiday_exists", "This day is a holiday already.");
        }
        long id = holidays.insert(tenantId, date, clean, "manual", clock.instant());
        audit.record(tenantId, "attendance.holiday.added", "attendance_holiday", id,
                Map.of("date", date.toString(), "name", clean));
        return holidays.find(tenantId, id).orElseThrow();
    }

    @Override
    @Transactional
    public void delete(long tenantId, long holidayId) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        Holiday holiday = holidays.find(tenantId, holidayId).orElseThrow(
                () -> LantauException.notFound("attendance.holiday_not_found", "No such holiday."));
        holidays.delete(tenantId, holidayId);
        audit.record(tenantId, "attendance.holiday.deleted", "attendance_holiday", holidayId,
                Map.of("date", holiday.date().toString(), "name", holiday.name()));
    }

    @Override
    @Transactional
    public HolidayImport importCalendar(long tenantId, String icalendar) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        List<ICalHolidays.Day> days;
        try {
            days = ICalHolidays.read(icalendar == null ? "" : icalendar, organisations.get(tenantId).timeZone());
        } catch (IllegalArgumentException e) {
            throw LantauException.invalid("attendance.calendar_invalid",
                    "This is not an iCalendar file Lantau can read, or it has more than "
                            + ICalHolidays.MAX_DAYS + " days.");
        }
        List<Holiday> added = new ArrayList<>();
        List<LocalDate> present = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (ICalHolidays.Day day : days) {
            if (!seen.add(day.date())) {
                continue;
            }
            if (holidays.exists(tenantId, day.date())) {
                present.add(day.date());
            } else {
                long id = holidays.insert(tenantId, day.date(), day.name(), "ical", clock.instant());
                added.add(new Holiday(id, day.date(), day.name(), "ical"));
            }
        }
        audit.record(tenantId, "attendance.holiday.imported", "attendance_calendar", tenantId,
                Map.of("added", added.size(), "alreadyPresent", present.size()));
        return new HolidayImport(added, present);
    }
}
