package hk.lantau.approval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template was created, saved as a new version, enabled, disabled, or had a variable set.
 * {@code change} is {@code created}, {@code versioned}, {@code enabled}, {@code disabled},
 * {@code variable} or {@code preset}; {@code details} names what changed, never values of people.
 */
public record ApprovalTemplateChanged(Long tenantId, String processCode, int version, String change,
                                      Map<String, Object> details) implements ApprovalAudited {

    public ApprovalTemplateChanged {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String action() {
        return "approval.template." + change;
    }

    @Override
    public String targetType() {
        return "approval_template";
    }

    @Override
    public String targetId() {
        return processCode;
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>(details);
        changes.put("version", version);
        return changes;
    }
}
