package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** A password was set through a one-time link. */
public record PasswordSet(Long tenantId, String login, String purpose) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.password.set";
    }

    @Override
    public String targetType() {
        return "account";
    }

    @Override
    public String targetId() {
        return login;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("via", purpose);
    }
}
