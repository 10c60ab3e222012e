package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

public record DepartmentMoved(Long tenantId, long departmentId, long fromParentId, long toParentId)
        implements AuditableEvent {

    @Override
    public String action() {
        return "directory.department.moved";
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
        return Map.of("parentId", Changes.fromTo(fromParentId, toParentId));
    }
}
