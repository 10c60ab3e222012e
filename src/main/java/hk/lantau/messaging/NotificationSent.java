package hk.lantau.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An app or person sent a work notification; the audit record summarises the audience, never the text. */
public record NotificationSent(Long tenantId, long taskId, String kind, int userIds, List<Long> departmentIds,
                               boolean everyone) implements NotificationAudited {

    public NotificationSent {
        departmentIds = List.copyOf(departmentIds);
    }

    @Override
    public String action() {
        return "messaging.notification.sent";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("kind", kind);
        changes.put("userIds", userIds);
        changes.put("departmentIds", departmentIds);
        changes.put("everyone", everyone);
        return changes;
    }
}
