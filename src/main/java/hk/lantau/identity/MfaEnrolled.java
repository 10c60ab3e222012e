package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** A person confirmed a TOTP authenticator; from now on every sign-in needs a code. */
public record MfaEnrolled(Long tenantId, String login) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.mfa.enrolled";
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
        return Map.of("method", "totp");
    }
}
