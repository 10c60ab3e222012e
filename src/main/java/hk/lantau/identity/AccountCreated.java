package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** A person got a sign-in account; their directory e-mail is the login. */
public record AccountCreated(Long tenantId, String userId, String login) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.account.created";
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
        return Map.of("login", login);
    }
}
