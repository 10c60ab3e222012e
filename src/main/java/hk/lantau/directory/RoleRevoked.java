package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

public record RoleRevoked(Long tenantId, String userId, String roleKey) implements AuditableEvent {

    @Override
    public String action() {
        return "directory.role.revoked";
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
        return Map.of("role", roleKey);
    }
}
