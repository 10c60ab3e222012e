package hk.lantau.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who a work notification is for: people by userid, departments (with every department below
 * them), or everyone in the organisation. With {@code everyone} the lists are ignored. The lists
 * are kept as given, blanks and nulls included, so that checking them can name the bad entry.
 */
public record Audience(List<String> userIds, List<Long> departmentIds, boolean everyone) {

    public Audience {
        userIds = userIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(userIds));
        departmentIds = departmentIds == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(departmentIds));
    }

    public boolean empty() {
        return !everyone && userIds.isEmpty() && departmentIds.isEmpty();
    }
}
