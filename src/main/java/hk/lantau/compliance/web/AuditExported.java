package hk.lantau.compliance.web;

import hk.lantau.compliance.AuditQuery;
import hk.lantau.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Someone downloaded part of the audit trail; the filters show which part. */
record AuditExported(Long tenantId, String format, AuditQuery query) implements AuditableEvent {

    @Override
    public String action() {
        return "compliance.audit.exported";
    }

    @Override
    public String targetType() {
        return "audit_trail";
    }

    @Override
    public String targetId() {
        return String.valueOf(tenantId);
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("format", format);
        put(changes, "action", query.actionPrefix());
        put(changes, "actor", query.actorReference());
        put(changes, "targetType", query.targetType());
        put(changes, "targetId", query.targetId());
        put(changes, "from", query.from() == null ? null : query.from().toString());
        put(changes, "to", query.to() == null ? null : query.to().toString());
        return changes;
    }

    private static void put(Map<String, Object> changes, String key, String value) {
        if (value != null) {
            changes.put(key, value);
        }
    }
}
