package hk.lantau.forms.internal;

import hk.lantau.forms.FormsAudited;
import java.util.Map;

/** A smart-form change for the audit trail, recorded in the transaction of the change. */
record FormsChanged(Long tenantId, String action, String targetType, String targetId, Map<String, Object> changes)
        implements FormsAudited {

    FormsChanged {
        changes = Map.copyOf(changes);
    }
}
