package hk.lantau.shared;

import java.util.Set;

/**
 * The authenticated caller and the organisation it acts in. Every query that reads organisation
 * data takes its tenant from here, never from the request body.
 *
 * @param tenantId    the organisation, or {@code null} for the operator and the system
 * @param userId      the directory userid of a person, the app key of an app, else {@code null}
 * @param accountId   the sign-in account of a person or operator, else {@code null}
 * @param sessionId   the sign-in session, if the caller used one
 */
public record Actor(ActorKind kind, Long tenantId, String userId, Long accountId, String name,
                    Set<Permission> permissions, String sessionId, String ip) {

    public Actor {
        permissions = Set.copyOf(permissions);
    }

    public static Actor system(String name) {
        return new Actor(ActorKind.SYSTEM, null, null, null, name, Set.of(), null, null);
    }

    /** The system acting inside one organisation (imports, schedules, the demo loader). */
    public static Actor system(long tenantId, String name) {
        return new Actor(ActorKind.SYSTEM, tenantId, null, null, name, Set.of(Permission.values()), null, null);
    }

    public boolean can(Permission permission) {
        return permission.grantedBy(permissions);
    }

    public boolean isOperator() {
        return kind == ActorKind.OPERATOR;
    }

    /** The organisation this actor works in; fails for callers without one. */
    public long requireTenant() {
        if (tenantId == null) {
            throw LantauException.notFound("tenant.not_found", "This call needs an organisation.");
        }
        return tenantId;
    }

    /** A short, log-safe reference such as {@code user:mchan} or {@code operator:3}. */
    public String reference() {
        return switch (kind) {
            case USER -> "user:" + userId;
            case APP -> "app:" + userId;
            case ROBOT -> "robot:" + userId;
            case OPERATOR -> "operator:" + accountId;
            case SYSTEM -> "system:" + name;
        };
    }
}
