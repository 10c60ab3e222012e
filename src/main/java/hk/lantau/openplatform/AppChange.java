package hk.lantau.openplatform;

import java.util.List;

/** A change to an app; {@code null} leaves a field as it is, an empty allow-list allows any address. */
public record AppChange(String name, String description, String purpose, List<String> scopes, String ownerUserId,
                        List<String> ipAllowList, Integer rateLimitPerMinute) {

    public AppChange {
        scopes = scopes == null ? null : List.copyOf(scopes);
        ipAllowList = ipAllowList == null ? null : List.copyOf(ipAllowList);
    }
}
