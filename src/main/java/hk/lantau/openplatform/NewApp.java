package hk.lantau.openplatform;

import java.util.List;

/**
 * An app to register. Scopes are keys such as {@code user.read}; the allow-list holds CIDR blocks or
 * single addresses, IPv4 or IPv6. Without an owner the registering person owns the app; without a
 * rate limit it gets {@link AppAdministration#DEFAULT_RATE_LIMIT}.
 */
public record NewApp(String name, String description, String purpose, List<String> scopes, String ownerUserId,
                     List<String> ipAllowList, Integer rateLimitPerMinute) {

    public NewApp {
        scopes = scopes == null ? null : List.copyOf(scopes);
        ipAllowList = ipAllowList == null ? List.of() : List.copyOf(ipAllowList);
    }
}
