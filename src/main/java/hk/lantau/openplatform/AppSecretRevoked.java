package hk.lantau.openplatform;

import java.util.Map;

/** An admin revoked one of an app's secrets; the tokens granted with it stop working too. */
public record AppSecretRevoked(Long tenantId, String appKey, long secretId, String hint) implements AppAudited {

    @Override
    public String action() {
        return "openplatform.secret.revoked";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("secretId", secretId, "hint", hint);
    }
}
