package hk.lantau.openplatform;

import java.util.Map;

/** An admin changed an app; {@code changes} maps each changed field to its from/to values. */
public record AppUpdated(Long tenantId, String appKey, Map<String, Object> changes) implements AppAudited {

    public AppUpdated {
        changes = Map.copyOf(changes);
    }

    @Override
    public String action() {
        return "openplatform.app.updated";
    }
}
