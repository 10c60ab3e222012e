package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

public record RoleDeleted(Long tenantId, String roleKey, String name) implements AuditableEvent {

    @Override
    public String action() {
        return "directory.role.deleted";
    }

    @Override
    public String targetType() {
        return "role";
    }

    @Override
    public String targetId() {
        return roleKey;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("name", name);
    }
}
