package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** An account was locked after too many consecutive failed sign-in attempts. */
public record AccountLocked(Long tenantId, String login, String lockedUntil, int attempts) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.account.locked";
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
        return Map.of("lockedUntil", lockedUntil, "attempts", attempts);
    }
}
