package hk.lantau.messaging;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** An admin changed which escalation channels DINGs may use. */
public record DingSettingsChanged(Long tenantId, boolean emailAllowed, boolean smsAllowed) implements AuditableEvent {

    @Override
    public String action() {
        return "messaging.ding.settings_changed";
    }

    @Override
    public String targetType() {
        return "organisation";
    }

    @Override
    public String targetId() {
        return Long.toString(tenantId);
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("emailAllowed", emailAllowed, "smsAllowed", smsAllowed);
    }
}
