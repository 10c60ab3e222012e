package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.CheckType;
import hk.lantau.attendance.Shift;
import hk.lantau.attendance.TimeResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Judges a punch against a shift on a work date: the planned time, the time result and whether a
 * weather signal exempts it. Shared by new punches and by punches judged again after their shift
 * changed, so both follow the same rules.
 */
@Component
class Judging {

    private final HolidayRepository holidays;
    private final WeatherRepository weather;
    private final PolicyRepository policies;

    Judging(HolidayRepository holidays, WeatherRepository weather, PolicyRepository policies) {
        this.holidays = holidays;
        this.weather = weather;
        this.policies = policies;
    }

    /** A judged punch; {@code times} is {@code null} on a rest day or a holiday. */
    record Judgement(ShiftTimes times, Instant planTime, TimeResult result, String exemption) {

        Instant shiftOn() {
            return times == null ? null : times.on();
        }

        Instant shiftOff() {
            return times == null ? null : times.off();
        }
    }

    /** The shift's times on the work date, or {@code null} when it is not worked that day. */
    ShiftTimes times(long tenantId, Shift shift, LocalDate workDate, ZoneId zone) {
        boolean working = shift.workingDays().contains(workDate.getDayOfWeek()) && !holidays.exists(tenantId, workDate);
        return working ? ShiftTimes.of(shift, workDate, zone) : null;
    }

    /**
     * A punch at {@code at}; {@code onDutyAt} is the person's on-duty punch of the work date, which
     * moves the off time by the minutes late within the flexible minutes.
     */
    Judgement judge(long tenantId, Shift shift, ShiftTimes times, CheckType check, Instant at, Instant onDutyAt) {
        if (times == null) {
            return new Judgement(null, null, TimeResult.NORMAL, null);
        }
        Instant plan = check == CheckType.ON_DUTY ? times.on() : times.offAfter(shift, onDutyAt);
        TimeResult result = check == CheckType.ON_DUTY ? times.onDutyResult(shift, at)
                : ShiftTimes.offDutyResult(at, plan);
        String exemption = null;
        if (result != TimeResult.NORMAL) {
            int hours = policies.settings(tenantId).weatherReportHours();
            var signals = weather.between(tenantId, times.on().minus(Duration.ofHours(hours)), times.off());
            if (WeatherRule.anyCovers(signals, times.on(), times.off(), hours)) {
                exemption = AttendanceRecord.WEATHER_EXEMPT;
            }
        }
        return new Judgement(times, plan, result, exemption);
    }
}
