package hk.lantau.openplatform;

import java.util.Map;

/**
 * A refused token request of a known app: a wrong secret, a revoked, expired or retired one, a
 * disabled app or organisation, or an address outside the allow-list. Never carries what was sent.
 *
 * @param reason the refusal's code, e.g. {@code openplatform.invalid_client}
 */
public record AppTokenRefused(Long tenantId, String appKey, String reason) implements AppAudited {

    @Override
    public String action() {
        return "openplatform.token.refused";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("reason", reason);
    }
}
