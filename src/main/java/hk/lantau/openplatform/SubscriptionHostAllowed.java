package hk.lantau.openplatform;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** An admin allowed an internal host as a callback target for the organisation. */
public record SubscriptionHostAllowed(Long tenantId, String host) implements AuditableEvent {

    @Override
    public String action() {
        return "openplatform.webhook_host.allowed";
    }

    @Override
    public String targetType() {
        return "webhook_host";
    }

    @Override
    public String targetId() {
        return host;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("host", host);
    }
}
