package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.List;
import java.util.Map;

/**
 * A person was added. {@code fields} names the profile fields that were filled in, protected ones
 * included, but carries no values beyond the name.
 */
public record UserCreated(Long tenantId, String userId, String name, List<String> fields,
                          List<Long> departmentIds, List<String> roleKeys) implements AuditableEvent {

    public UserCreated {
        fields = List.copyOf(fields);
        departmentIds = List.copyOf(departmentIds);
        roleKeys = List.copyOf(roleKeys);
    }

    @Override
    public String action() {
        return "directory.user.created";
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
        return Map.of("name", name, "fields", fields, "departmentIds", departmentIds, "roleKeys", roleKeys);
    }
}
