package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** A person's directory data was anonymised on a personal-data request or on leaving. */
public record UserErased(Long tenantId, String userId, int membershipsRemoved, int rolesRevoked)
        implements AuditableEvent {

    @Override
    public String action() {
        return "directory.user.erased";
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
        return Map.of("membershipsRemoved", membershipsRemoved, "rolesRevoked", rolesRevoked);
    }
}
