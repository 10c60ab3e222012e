package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/**
 * A refused sign-in step of a known account: a wrong password, a wrong or replayed TOTP code, or
 * any attempt while locked. Never carries what was typed.
 *
 * @param reason   {@code bad_password}, {@code totp_invalid}, {@code totp_replayed} or {@code locked}
 * @param attempts consecutive failures so far (0 when the attempt did not count)
 */
public record SignInFailed(Long tenantId, String login, String reason, int attempts) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.signin.failed";
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
        return Map.of("reason", reason, "attempts", attempts);
    }
}
