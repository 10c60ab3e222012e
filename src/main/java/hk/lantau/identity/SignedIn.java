package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** A successful sign-in; the session id is recorded so a later revocation can be traced to it. */
public record SignedIn(Long tenantId, String login, String sessionId, String device) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.signin.succeeded";
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
        return Map.of("session", sessionId, "device", device == null ? "unknown" : device);
    }
}
