package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** Someone was given a one-time link to set a password. The token itself is never recorded. */
public record LoginLinkIssued(Long tenantId, String login, String purpose, String expiresAt)
        implements AuditableEvent {

    @Override
    public String action() {
        return "identity.link.issued";
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
        return Map.of("purpose", purpose, "expiresAt", expiresAt);
    }
}
