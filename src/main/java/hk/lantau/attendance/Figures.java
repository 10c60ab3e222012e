package hk.lantau.attendance;

/**
 * Attendance figures of a person or a department over a period. A weather-exempt record counts as
 * neither late, early nor absent; its work dates are counted in {@code weatherExemptDays} instead.
 * {@code lateMinutes} and {@code earlyLeaveMinutes} are whole minutes from the planned time, as
 * results are judged to the minute. {@code leaveDays} are the dates approved leave touches and
 * {@code overtimeHours} the approved overtime counted on the period's dates.
 */
public record Figures(int daysWorked, int lateCount, long lateMinutes, int earlyLeaveCount, long earlyLeaveMinutes,
                      int absenceDays, int missedPunches, int leaveDays, double overtimeHours,
                      int weatherExemptDays) {

    public Figures plus(Figures o) {
        return new Figures(daysWorked + o.daysWorked, lateCount + o.lateCount, lateMinutes + o.lateMinutes,
                earlyLeaveCount + o.earlyLeaveCount, earlyLeaveMinutes + o.earlyLeaveMinutes,
                absenceDays + o.absenceDays, missedPunches + o.missedPunches, leaveDays + o.leaveDays,
                overtimeHours + o.overtimeHours, weatherExemptDays + o.weatherExemptDays);
    }

    public Figures withApprovedTime(int days, double overtime) {
        return new Figures(daysWorked, lateCount, lateMinutes, earlyLeaveCount, earlyLeaveMinutes, absenceDays,
                missedPunches, days, overtime, weatherExemptDays);
    }
}
