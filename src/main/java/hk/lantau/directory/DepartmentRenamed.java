package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

public record DepartmentRenamed(Long tenantId, long departmentId, String from, String to) implements AuditableEvent {

    @Override
    public String action() {
        return "directory.department.renamed";
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
        return Map.of("name", Changes.fromTo(from, to));
    }
}
