package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.List;
import java.util.Map;

public record RoleCreated(Long tenantId, String roleKey, String name, List<String> permissions)
        implements AuditableEvent {

    public RoleCreated {
        permissions = List.copyOf(permissions);
    }

    @Override
    public String action() {
        return "directory.role.created";
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
        return Map.of("name", name, "permissions", permissions);
    }
}
