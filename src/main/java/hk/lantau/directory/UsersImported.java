package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.List;
import java.util.Map;

/** A bulk import added people; each person also has their own {@link UserCreated}. */
public record UsersImported(Long tenantId, List<String> userIds) implements AuditableEvent {

    public UsersImported {
        userIds = List.copyOf(userIds);
    }

    @Override
    public String action() {
        return "directory.user.imported";
    }

    @Override
    public String targetType() {
        return "organisation";
    }

    @Override
    public String targetId() {
        return String.valueOf(tenantId);
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("created", userIds.size(), "userIds", userIds);
    }
}
