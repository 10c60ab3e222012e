package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** An organisation's sign-in policy changed; {@code changes} maps each setting to its from/to values. */
public record SecuritySettingsChanged(Long tenantId, Map<String, Object> changes) implements AuditableEvent {

    public SecuritySettingsChanged {
        changes = Map.copyOf(changes);
    }

    @Override
    public String action() {
        return "identity.security_settings.changed";
    }

    @Override
    public String targetType() {
        return "security_settings";
    }

    @Override
    public String targetId() {
        return String.valueOf(tenantId);
    }
}
