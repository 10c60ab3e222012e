package hk.lantau.openplatform;

import hk.lantau.shared.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An internal app as other modules and the console see it; never carries a secret.
 *
 * @param ipAllowList CIDR blocks the app may call from; empty allows any address
 */
public record AppView(long id, long tenantId, String appKey, String name, String description, String purpose,
                      String ownerUserId, Set<Scope> scopes, List<String> ipAllowList, int rateLimitPerMinute,
                      AppStatus status, Instant createdAt, Instant updatedAt) {

    public AppView {
        scopes = Set.copyOf(scopes);
        ipAllowList = List.copyOf(ipAllowList);
    }

    public boolean active() {
        return status == AppStatus.ACTIVE;
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }
}
