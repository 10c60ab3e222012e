package hk.lantau.messaging;

import java.util.Map;

/** The sender cancelled a scheduled DING or recalled a sent one. */
public record DingCancelled(Long tenantId, long dingId, boolean wasSent, int unconfirmedCount)
        implements DingAudited {

    @Override
    public String action() {
        return "messaging.ding.cancelled";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("wasSent", wasSent, "unconfirmedCount", unconfirmedCount);
    }
}
