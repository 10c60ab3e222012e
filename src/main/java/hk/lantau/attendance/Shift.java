package hk.lantau.attendance;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * A shift: on and off times in the organisation's zone (an off time at or before the on time ends
 * the next day), the minutes after the on time that still count as on time, the minutes late after
 * which a punch is SeriousLate and, optionally, Absenteeism, and the days of the week it is worked.
 */
public record Shift(long id, String name, LocalTime onTime, LocalTime offTime, boolean overnight,
                    int flexibleMinutes, int seriousLateMinutes, Integer absentLateMinutes,
                    List<DayOfWeek> workingDays) {

    public Shift {
        workingDays = List.copyOf(workingDays);
    }
}
