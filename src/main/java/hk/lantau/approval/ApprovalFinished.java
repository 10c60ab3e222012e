package hk.lantau.approval;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance ended: completed with a result, terminated, or withdrawn (DingTalk
 * {@code bpms_instance_change}, types {@code finish} and {@code terminate}). {@code actorUserId}
 * is who ended it, {@code null} when the process itself did.
 */
public record ApprovalFinished(Long tenantId, String instanceId, String processCode, String title,
                               String originatorUserId, InstanceStatus status, InstanceResult result,
                               String actorUserId, Instant createTime, Instant finishTime) implements ApprovalAudited {

    @Override
    public String action() {
        return switch (status) {
            case COMPLETED -> "approval.instance.completed";
            case TERMINATED -> "approval.instance.terminated";
            case CANCELED -> "approval.instance.withdrawn";
            case RUNNING -> throw new IllegalStateException("A running instance has not finished");
        };
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
        changes.put("status", status.name());
        if (result != null) {
            changes.put("result", result.wire());
        }
        return changes;
    }
}
