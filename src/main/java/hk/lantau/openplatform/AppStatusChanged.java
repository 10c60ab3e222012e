package hk.lantau.openplatform;

import java.util.Locale;
import java.util.Map;

/** An admin disabled or enabled an app. */
public record AppStatusChanged(Long tenantId, String appKey, AppStatus from, AppStatus to) implements AppAudited {

    @Override
    public String action() {
        return to == AppStatus.DISABLED ? "openplatform.app.disabled" : "openplatform.app.enabled";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("status", Map.of("from", from.name().toLowerCase(Locale.ROOT),
                "to", to.name().toLowerCase(Locale.ROOT)));
    }
}
