package hk.lantau.web.attendance;

import hk.lantau.attendance.AttendanceGroup;
import hk.lantau.attendance.GroupDefinition;
import hk.lantau.attendance.OutsidePolicy;
import hk.lantau.shared.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/** An attendance group as the form posts it. */
record GroupForm(String name, Long shiftId, OutsidePolicy outsidePolicy, String accuracyLimitMeters,
                 List<Long> placeIds, List<String> userIds, List<Long> departmentIds) {

    GroupForm {
        placeIds = placeIds == null ? List.of() : List.copyOf(placeIds);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
    }

    static GroupForm empty() {
        return new GroupForm("", null, OutsidePolicy.REFUSE, "100", List.of(), List.of(), List.of());
    }

    static GroupForm of(AttendanceGroup group) {
        return new GroupForm(group.name(), group.shiftId(), group.outsidePolicy(),
                String.valueOf(group.accuracyLimitMeters()), group.placeIds(), group.userIds(), group.departmentIds());
    }

    public boolean hasPlace(long id) {
        return placeIds.contains(id);
    }

    public boolean hasUser(String userId) {
        return userIds.contains(userId);
    }

    public boolean hasDepartment(long id) {
        return departmentIds.contains(id);
    }

    GroupDefinition toDefinition() {
        List<FieldViolation> bad = new ArrayList<>();
        Integer accuracy = AdminAccess.integer(accuracyLimitMeters, "accuracyLimitMeters",
                "attendance.accuracy_limit_invalid", bad);
        AdminAccess.check("attendance.group_invalid", bad);
        return new GroupDefinition(name, shiftId, outsidePolicy, accuracy, placeIds, userIds, departmentIds);
    }
}
