package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.CheckType;
import hk.lantau.attendance.Shift;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Judges punches again when their shift changes: a shift edited, or a group given another shift.
 * Only work dates the daily close has not closed (within its look-back) are judged again; a closed
 * date keeps the results it was closed with. Each punch keeps its time, work date, check type and
 * location; its planned time, time result and weather exemption follow the new shift.
 */
@Component
class Rejudging {

    private final RecordRepository records;
    private final Judging judging;
    private final Organisations organisations;
    private final Clock clock;

    Rejudging(RecordRepository records, Judging judging, Organisations organisations, Clock clock) {
        this.records = records;
        this.judging = judging;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The open punches made under the shift; returns how many were judged again. */
    int shiftChanged(long tenantId, Shift shift) {
        return rejudge(tenantId, "shift_id", shift.id(), shift);
    }

    /** The open punches of the group's members, now under {@code shift}; returns how many. */
    int groupShiftChanged(long tenantId, long groupId, Shift shift) {
        return rejudge(tenantId, "group_id", groupId, shift);
    }

    private int rejudge(long tenantId, String column, long id, Shift shift) {
        ZoneId zone = organisations.get(tenantId).timeZone();
        Instant now = clock.instant();
        LocalDate from = now.atZone(zone).toLocalDate().minusDays(DailyClose.LOOK_BACK_DAYS);
        List<AttendanceRecord> punches = records.openPunches(tenantId, column, id, from);
        Map<LocalDate, ShiftTimes> times = new HashMap<>();
        Map<String, Instant> onDuty = new HashMap<>();
        for (AttendanceRecord punch : punches) {
            if (punch.checkType() == CheckType.ON_DUTY) {
                onDuty.put(punch.userId() + "/" + punch.workDate(), punch.userTime());
            }
        }
        for (AttendanceRecord punch : punches) {
            ShiftTimes day = times.computeIfAbsent(punch.workDate(), d -> judging.times(tenantId, shift, d, zone));
            var judged = judging.judge(tenantId, shift, day, punch.checkType(), punch.userTime(),
                    onDuty.get(punch.userId() + "/" + punch.workDate()));
            records.rejudge(tenantId, punch.id(), shift.id(), judged, now);
        }
        return punches.size();
    }
}
