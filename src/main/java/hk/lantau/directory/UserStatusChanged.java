package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** A person was suspended, reactivated or marked as left; sign-in sessions follow this. */
public record UserStatusChanged(Long tenantId, String userId, UserStatus from, UserStatus to)
        implements AuditableEvent {

    @Override
    public String action() {
        return "directory.user.status_changed";
    }

    @Override
    public String targetType() {
        return "user";
    }

    @Override
    public String targetId() {
        return userId;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("status", Map.of("from", from.name(), "to", to.name()));
    }
}
