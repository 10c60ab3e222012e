package hk.lantau.approval.internal.privacy;

import hk.lantau.approval.ApprovalAudited;
import java.util.Map;

/** A privacy action on approval data for the audit trail, recorded in the transaction of the change. */
record PrivacyAudit(Long tenantId, String action, String targetType, String targetId, Map<String, Object> changes)
        implements ApprovalAudited {

    PrivacyAudit {
        changes = Map.copyOf(changes);
    }
}
