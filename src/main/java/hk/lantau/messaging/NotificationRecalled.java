package hk.lantau.messaging;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** A work notification was taken back from the {@code recipients} who had received it. */
public record NotificationRecalled(Long tenantId, long taskId, int recipients) implements AuditableEvent {

    @Override
    public String action() {
        return "messaging.notification.recalled";
    }

    @Override
    public String targetType() {
        return "notification";
    }

    @Override
    public String targetId() {
        return String.valueOf(taskId);
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("recipients", recipients);
    }
}
