package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A custom role was renamed or its permissions changed; entries are {@code {from, to}}. */
public record RoleChanged(Long tenantId, String roleKey, Map<String, Object> changes) implements AuditableEvent {

    public RoleChanged {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    @Override
    public String action() {
        return "directory.role.changed";
    }

    @Override
    public String targetType() {
        return "role";
    }

    @Override
    public String targetId() {
        return roleKey;
    }
}
