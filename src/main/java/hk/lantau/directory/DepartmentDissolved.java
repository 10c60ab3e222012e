package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.List;
import java.util.Map;

/** A virtual department was removed together with its memberships. */
public record DepartmentDissolved(Long tenantId, long departmentId, String name, List<String> removedUserIds)
        implements AuditableEvent {

    public DepartmentDissolved {
        removedUserIds = List.copyOf(removedUserIds);
    }

    @Override
    public String action() {
        return "directory.department.dissolved";
    }

    @Override
    public String targetType() {
        return "department";
    }

    @Override
    public String targetId() {
        return String.valueOf(departmentId);
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("name", name, "removedMembers", removedUserIds);
    }
}
