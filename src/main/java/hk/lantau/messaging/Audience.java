package hk.lantau.messaging;

import java.util.List;

/**
 * Who a work notification is for: people by userid, departments (with every department below
 * them), or everyone in the organisation. With {@code everyone} the lists are ignored.
 */
public record Audience(List<String> userIds, List<Long> departmentIds, boolean everyone) {

    public Audience {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
    }

    public boolean empty() {
        return !everyone && userIds.isEmpty() && departmentIds.isEmpty();
    }
}
