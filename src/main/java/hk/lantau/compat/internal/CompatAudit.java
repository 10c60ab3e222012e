package hk.lantau.compat.internal;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** An action taken through DingTalk's API for the audit trail, recorded in the transaction of the change. */
record CompatAudit(Long tenantId, String action, String targetType, String targetId, Map<String, Object> changes)
        implements AuditableEvent {

    CompatAudit {
        changes = Map.copyOf(changes);
    }
}
