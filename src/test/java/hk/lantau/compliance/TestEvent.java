package hk.lantau.compliance;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** An auditable event as any module would publish it. */
record TestEvent(Long tenantId, String action, String targetType, String targetId, Map<String, Object> changes)
        implements AuditableEvent {

    static TestEvent of(Long tenantId, String action, String targetId) {
        return new TestEvent(tenantId, action, "thing", targetId, Map.of("name", targetId));
    }
}
