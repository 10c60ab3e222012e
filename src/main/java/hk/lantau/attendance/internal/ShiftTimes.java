package hk.lantau.attendance.internal;

import hk.lantau.attendance.Shift;
import hk.lantau.attendance.TimeResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A shift on a work date, in the organisation's zone. A punch belongs to the work date whose
 * window holds it: the shift with half of the time off before it and half after, so a day shift's
 * window runs from the small hours to the small hours and an overnight shift's from midday to midday.
 */
record ShiftTimes(Instant on, Instant off, Instant windowStart, Instant windowEnd) {

    static ShiftTimes of(Shift shift, LocalDate workDate, ZoneId zone) {
        Instant on = workDate.atTime(shift.onTime()).atZone(zone).toInstant();
        Instant off = workDate.plusDays(shift.overnight() ? 1 : 0).atTime(shift.offTime()).atZone(zone).toInstant();
        Duration halfGap = Duration.ofDays(1).minus(Duration.between(on, off)).dividedBy(2);
        return new ShiftTimes(on, off, on.minus(halfGap), off.plus(halfGap));
    }

    /** The work date whose window holds {@code at}. */
    static LocalDate workDate(Shift shift, Instant at, ZoneId zone) {
        LocalDate local = at.atZone(zone).toLocalDate();
        for (int offset = 1; offset >= -1; offset--) {
            LocalDate candidate = local.plusDays(offset);
            ShiftTimes times = of(shift, candidate, zone);
            if (!at.isBefore(times.windowStart) && at.isBefore(times.windowEnd)) {
                return candidate;
            }
        }
        return local;
    }

    /**
     * An on-duty punch, to the minute: up to the flexible minutes after the on time is Normal, more
     * than the serious-late minutes SeriousLate, more than the absent-late minutes Absenteeism.
     */
    TimeResult onDutyResult(Shift shift, Instant at) {
        long late = minutesLate(at);
        if (late <= shift.flexibleMinutes()) {
            return TimeResult.NORMAL;
        }
        if (shift.absentLateMinutes() != null && late > shift.absentLateMinutes()) {
            return TimeResult.ABSENTEEISM;
        }
        return late > shift.seriousLateMinutes() ? TimeResult.SERIOUS_LATE : TimeResult.LATE;
    }

    /**
     * The off time for a person who clocked on at {@code onDutyAt} (DingTalk's late-in, late-out):
     * later by the minutes they were late when that is within the flexible minutes. A later arrival
     * is counted Late instead and leaves at the shift's off time, as does one without an on-duty punch.
     */
    Instant offAfter(Shift shift, Instant onDutyAt) {
        long late = onDutyAt == null ? 0 : minutesLate(onDutyAt);
        return late > 0 && late <= shift.flexibleMinutes() ? off.plus(Duration.ofMinutes(late)) : off;
    }

    /** An off-duty punch before the minute of the (possibly moved) off time is Early. */
    static TimeResult offDutyResult(Instant at, Instant plannedOff) {
        return at.truncatedTo(ChronoUnit.MINUTES).isBefore(plannedOff) ? TimeResult.EARLY : TimeResult.NORMAL;
    }

    private long minutesLate(Instant at) {
        return Duration.between(on, at.truncatedTo(ChronoUnit.MINUTES)).toMinutes();
    }
}
