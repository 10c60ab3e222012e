package hk.lantau.openplatform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An admin registered an app. Names its scopes and allow-list; never its secret. */
public record AppRegistered(Long tenantId, String appKey, String name, String ownerUserId, List<String> scopes,
                            List<String> ipAllowList, int rateLimitPerMinute, String secretHint)
        implements AppAudited {

    public AppRegistered {
        scopes = List.copyOf(scopes);
        ipAllowList = List.copyOf(ipAllowList);
    }

    @Override
    public String action() {
        return "openplatform.app.registered";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", name);
        changes.put("ownerUserId", ownerUserId);
        changes.put("scopes", scopes);
        changes.put("ipAllowList", ipAllowList);
        changes.put("rateLimitPerMinute", rateLimitPerMinute);
        changes.put("secretHint", secretHint);
        return changes;
    }
}
