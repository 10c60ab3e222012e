package hk.lantau.web.attendance;

import hk.lantau.attendance.LeaveSettings;
import java.util.Set;

/**
 * The leave and overtime settings as the form posts them; empty means the default (the Leave
 * preset's fields, no overtime, hours from the range).
 */
record LeaveForm(String leaveProcessCode, String leaveRangeFieldId, String leaveTypeFieldId,
                 String overtimeProcessCode, String overtimeRangeFieldId, String overtimeHoursFieldId) {

    LeaveForm {
        leaveProcessCode = clean(leaveProcessCode);
        leaveRangeFieldId = clean(leaveRangeFieldId);
        leaveTypeFieldId = clean(leaveTypeFieldId);
        overtimeProcessCode = clean(overtimeProcessCode);
        overtimeRangeFieldId = clean(overtimeRangeFieldId);
        overtimeHoursFieldId = clean(overtimeHoursFieldId);
    }

    static LeaveForm of(LeaveSettings s) {
        return new LeaveForm(s.leaveProcessCode(), s.leaveRangeFieldId(), s.leaveTypeFieldId(),
                s.overtimeProcessCode(), s.overtimeRangeFieldId(), s.overtimeHoursFieldId());
    }

    /** The same choice with field ids the chosen templates do not offer emptied, after loading other templates. */
    LeaveForm within(Set<String> leaveIds, Set<String> overtimeIds) {
        return new LeaveForm(leaveProcessCode, keep(leaveRangeFieldId, leaveIds), keep(leaveTypeFieldId, leaveIds),
                overtimeProcessCode, keep(overtimeRangeFieldId, overtimeIds), keep(overtimeHoursFieldId, overtimeIds));
    }

    private static String keep(String id, Set<String> offered) {
        return offered.contains(id) ? id : "";
    }

    /** Fields of a template left as default name nothing, so choosing the default clears them. */
    LeaveSettings settings() {
        boolean leave = !leaveProcessCode.isEmpty();
        boolean overtime = !overtimeProcessCode.isEmpty();
        return new LeaveSettings(nullable(leaveProcessCode), leave ? nullable(leaveRangeFieldId) : null,
                leave ? nullable(leaveTypeFieldId) : null, nullable(overtimeProcessCode),
                overtime ? nullable(overtimeRangeFieldId) : null, overtime ? nullable(overtimeHoursFieldId) : null);
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String nullable(String value) {
        return value.isEmpty() ? null : value;
    }
}
