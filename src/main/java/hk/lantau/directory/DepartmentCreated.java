package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;

public record DepartmentCreated(Long tenantId, long departmentId, String name, Long parentId, boolean virtual)
        implements AuditableEvent {

    @Override
    public String action() {
        return "directory.department.created";
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
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", name);
        changes.put("parentId", parentId);
        changes.put("virtual", virtual);
        return changes;
    }
}
