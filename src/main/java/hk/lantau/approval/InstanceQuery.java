package hk.lantau.approval;

import java.time.Instant;
import java.util.List;

/**
 * Filters for listing instances; every one is optional. {@code mine} limits the list to the
 * current person's submissions; without it the caller needs {@code approval.read}.
 */
public record InstanceQuery(boolean mine, String processCode, List<InstanceStatus> statuses,
                            List<String> originatorUserIds, Instant createdFrom, Instant createdTo) {

    public InstanceQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        originatorUserIds = originatorUserIds == null ? List.of() : List.copyOf(originatorUserIds);
    }
}
