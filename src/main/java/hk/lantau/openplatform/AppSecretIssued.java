package hk.lantau.openplatform;

import java.util.Map;

/**
 * A new secret for an app. Names it by id and last characters only; {@code graceDays} is how long the
 * secrets it replaced ({@code replaced} of them) keep working.
 */
public record AppSecretIssued(Long tenantId, String appKey, long secretId, String hint, String expiresAt,
                              int graceDays, int replaced) implements AppAudited {

    @Override
    public String action() {
        return "openplatform.secret.issued";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("secretId", secretId, "hint", hint, "expiresAt", expiresAt, "graceDays", graceDays,
                "replaced", replaced);
    }
}
