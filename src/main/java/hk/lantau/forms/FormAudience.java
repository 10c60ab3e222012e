package hk.lantau.forms;

import java.util.List;

/** Who a form asks: these people and the active people in these departments or below them. */
public record FormAudience(List<String> userIds, List<Long> departmentIds) {

    public FormAudience {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
    }
}
