package hk.lantau.approval;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Someone submitted an approval (DingTalk {@code bpms_instance_change}, type {@code start}). */
public record ApprovalSubmitted(Long tenantId, String instanceId, String processCode, int templateVersion,
                                String title, String originatorUserId, long departmentId, Instant createTime)
        implements ApprovalAudited {

    @Override
    public String action() {
        return "approval.instance.submitted";
    }

    @Override
    public String targetType() {
        return "approval";
    }

    @Override
    public String targetId() {
        return instanceId;
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("processCode", processCode);
        changes.put("version", templateVersion);
        changes.put("originator", originatorUserId);
        return changes;
    }
}
