package hk.lantau.attendance;

import java.util.List;

/** A group as an admin defines it. {@code outsidePolicy} defaults to REFUSE, {@code accuracyLimitMeters} to 100. */
public record GroupDefinition(String name, Long shiftId, OutsidePolicy outsidePolicy, Integer accuracyLimitMeters,
                              List<Long> placeIds, List<String> userIds, List<Long> departmentIds) {

    public GroupDefinition {
        placeIds = placeIds == null ? List.of() : List.copyOf(placeIds);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
    }
}
