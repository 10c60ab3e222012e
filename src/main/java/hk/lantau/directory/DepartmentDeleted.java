package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

public record DepartmentDeleted(Long tenantId, long departmentId, String name) implements AuditableEvent {

    @Override
    public String action() {
        return "directory.department.deleted";
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
        return Map.of("name", name);
    }
}
