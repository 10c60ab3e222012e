package hk.lantau.attendance;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A person's month: their records by work date, the organisation's holidays, their approved
 * leave, the names of the places their records matched, the shift they are on now (for rest
 * days; {@code null} without a group) and the month's figures as the people report counts them.
 */
public record MyMonth(YearMonth month, ZoneId zone, List<AttendanceRecord> records, List<Holiday> holidays,
                      List<ApprovedPeriod> leave, Map<Long, String> placeNames, Shift shift, Figures figures) {

    public MyMonth {
        records = List.copyOf(records);
        holidays = List.copyOf(holidays);
        leave = List.copyOf(leave);
        placeNames = Map.copyOf(placeNames);
    }
}
