package hk.lantau.messaging;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** The sender cancelled a scheduled DING or recalled a sent one. */
public record DingCancelled(Long tenantId, long dingId, boolean wasSent, int unconfirmedCount)
        implements AuditableEvent {

    @Override
    public String action() {
        return "messaging.ding.cancelled";
    }

    @Override
    public String targetType() {
        return "ding";
    }

    @Override
    public String targetId() {
        return Long.toString(dingId);
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("wasSent", wasSent, "unconfirmedCount", unconfirmedCount);
    }
}
