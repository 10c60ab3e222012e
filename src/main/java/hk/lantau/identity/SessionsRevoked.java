package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.List;
import java.util.Map;

/**
 * Sessions of a person were ended by themselves or by an administrator.
 *
 * @param reason {@code revoked_by_self}, {@code revoked_by_admin}
 */
public record SessionsRevoked(Long tenantId, String userId, List<String> sessionIds, String reason)
        implements AuditableEvent {

    public SessionsRevoked {
        sessionIds = List.copyOf(sessionIds);
    }

    @Override
    public String action() {
        return "identity.sessions.revoked";
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
        return Map.of("sessions", sessionIds, "reason", reason);
    }
}
