package hk.lantau.messaging.internal.chat;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** An administrative chat action for the audit trail, recorded in the transaction of the change. */
record ChatAudit(Long tenantId, String action, String targetType, String targetId, Map<String, Object> changes)
        implements AuditableEvent {

    ChatAudit {
        changes = Map.copyOf(changes);
    }
}
