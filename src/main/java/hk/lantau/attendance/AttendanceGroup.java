package hk.lantau.attendance;

import java.util.List;

/**
 * People who clock in under the same rules: one shift, the places they may clock in at, what
 * happens outside them, and the accuracy (metres) above which a reported location is flagged.
 * Members are people and departments (with the departments below them).
 */
public record AttendanceGroup(long id, String name, long shiftId, OutsidePolicy outsidePolicy,
                              int accuracyLimitMeters, List<Long> placeIds, List<String> userIds,
                              List<Long> departmentIds) {

    public AttendanceGroup {
        placeIds = List.copyOf(placeIds);
        userIds = List.copyOf(userIds);
        departmentIds = List.copyOf(departmentIds);
    }
}
