package hk.lantau.messaging.internal.privacy;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** A privacy action on messaging data for the audit trail, recorded in the transaction of the change. */
record PrivacyAudit(Long tenantId, String action, String targetType, String targetId, Map<String, Object> changes)
        implements AuditableEvent {

    PrivacyAudit {
        changes = Map.copyOf(changes);
    }
}
