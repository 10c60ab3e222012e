package hk.lantau.attendance;

import java.time.DayOfWeek;
import java.util.List;

/** A shift as an admin defines it; times are {@code HH:mm}. */
public record ShiftDefinition(String name, String onTime, String offTime, Integer flexibleMinutes,
                              Integer seriousLateMinutes, Integer absentLateMinutes, List<DayOfWeek> workingDays) {
}
