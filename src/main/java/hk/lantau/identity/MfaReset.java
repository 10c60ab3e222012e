package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** An administrator removed a person's authenticator (lost phone); their sessions ended with it. */
public record MfaReset(Long tenantId, String userId, int sessionsEnded) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.mfa.reset";
    }

    @Override
    public String targetType() {
        return "user";
    }

    @Override
    public String targetId() {
        return userId;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("method", "totp", "sessionsEnded", sessionsEnded);
    }
}
