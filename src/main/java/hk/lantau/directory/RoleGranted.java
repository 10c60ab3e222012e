package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

public record RoleGranted(Long tenantId, String userId, String roleKey) implements AuditableEvent {

    @Override
    public String action() {
        return "directory.role.granted";
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
