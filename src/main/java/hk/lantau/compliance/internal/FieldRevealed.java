package hk.lantau.compliance.internal;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** Someone saw a protected value in clear. Names the field, never the value. */
record FieldRevealed(Long tenantId, String targetType, String targetId, String field) implements AuditableEvent {

    @Override
    public String action() {
        return "compliance.field.revealed";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("field", field);
    }
}
