package hk.lantau.messaging;

import java.util.Map;

/** A work notification was taken back from the {@code recipients} who had received it. */
public record NotificationRecalled(Long tenantId, long taskId, int recipients) implements NotificationAudited {

    @Override
    public String action() {
        return "messaging.notification.recalled";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("recipients", recipients);
    }
}
