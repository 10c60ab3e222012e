package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

public record DepartmentReordered(Long tenantId, long departmentId, int from, int to) implements AuditableEvent {

    @Override
    public String action() {
        return "directory.department.reordered";
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
        return Map.of("order", Changes.fromTo(from, to));
    }
}
