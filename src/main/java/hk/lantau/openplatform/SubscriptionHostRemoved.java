package hk.lantau.openplatform;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** An internal host is no longer allowed; deliveries to it are refused from now on. */
public record SubscriptionHostRemoved(Long tenantId, String host) implements AuditableEvent {

    @Override
    public String action() {
        return "openplatform.webhook_host.removed";
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
