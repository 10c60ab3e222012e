package hk.lantau.approval;

import java.util.LinkedHashMap;
import java.util.Map;

/** A trigger rule was created, updated or deleted; {@code change} says which. */
public record ApprovalTriggerChanged(Long tenantId, long ruleId, String change, Map<String, Object> details)
        implements ApprovalAudited {

    public ApprovalTriggerChanged {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "approval.trigger." + change;
    }

    @Override
    public String targetType() {
        return "approval_trigger";
    }

    @Override
    public String targetId() {
        return String.valueOf(ruleId);
    }

    @Override
    public Map<String, Object> changes() {
        return new LinkedHashMap<>(details);
    }
}
