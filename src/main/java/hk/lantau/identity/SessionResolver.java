package hk.lantau.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.directory.RoleChanged;
import hk.lantau.directory.RoleGranted;
import hk.lantau.directory.RoleRevoked;
import hk.lantau.identity.internal.AccountRecord;
import hk.lantau.identity.internal.AccountRepository;
import hk.lantau.identity.internal.SessionRecord;
import hk.lantau.identity.internal.SessionRepository;
import hk.lantau.identity.internal.SessionTouches;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Tokens;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns session tokens into actors, with a short cache in front of the database. The cache bounds
 * how long a revocation, a role change or a new policy takes on other nodes ({@link Sessions#CACHE_TTL});
 * on this node each of them drops the entries concerned at once.
 */
@Component
class SessionResolver {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final SessionTouches touches;
    private final MfaPolicy mfa;
    private final SecuritySettingsService settings;
    private final Directory directory;
    private final Organisations organisations;
    private final Clock clock;
    private final Cache<String, Resolved> cache = Caffeine.newBuilder()
            .expireAfterWrite(Sessions.CACHE_TTL).maximumSize(100_000).build();

    SessionResolver(AccountRepository accounts, SessionRepository sessions, SessionTouches touches, MfaPolicy mfa,
                    SecuritySettingsService settings, Directory directory, Organisations organisations, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.touches = touches;
        this.mfa = mfa;
        this.settings = settings;
        this.directory = directory;
        this.organisations = organisations;
        this.clock = clock;
    }

    Optional<Authenticated> authenticate(String token, String ip) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.sha256Hex(token);
        Instant now = clock.instant();
        Resolved resolved = cache.getIfPresent(hash);
        if (resolved == null) {
            resolved = resolve(hash).orElse(null);
            if (resolved == null) {
                return Optional.empty();
            }
            cache.put(hash, resolved);
        }
        SessionRecord session = resolved.session();
        if (!session.usableAt(now) || idle(resolved, now)) {
            cache.invalidate(hash);
            return Optional.empty();
        }
        if (Duration.between(resolved.lastTouched(), now).compareTo(TOUCH_EVERY) > 0) {
            touches.touch(session.id(), now);
            cache.put(hash, resolved.touched(now));
        }
        Actor actor = resolved.actor();
        return Optional.of(new Authenticated(new Actor(actor.kind(), actor.tenantId(), actor.userId(),
                actor.accountId(), actor.name(), actor.permissions(), actor.sessionId(), ip), resolved.access()));
    }

    /** The actor an account signs in as, or empty when it may not (suspended, left, organisation suspended). */
    Optional<Actor> actorOf(AccountRecord account) {
        if (account.kind() == AccountKind.OPERATOR) {
            return Optional.of(new Actor(ActorKind.OPERATOR, null, null, account.id(), account.login(),
                    Set.of(Permission.ORGANISATIONS_MANAGE), null, null));
        }
        Optional<Organisation> org = organisations.find(account.tenantId());
        if (org.isEmpty() || org.get().status() != Organisation.Status.ACTIVE) {
            return Optional.empty();
        }
        return directory.findUser(account.tenantId(), account.userId())
                .filter(DirectoryUser::active)
                .map(user -> new Actor(ActorKind.USER, account.tenantId(), user.userId(), account.id(), user.name(),
                        directory.effectivePermissions(account.tenantId(), user.userId()), null, null));
    }

    /** Drops a session from this node's cache, now and again when the surrounding transaction commits. */
    void forget(String sessionId) {
        // A request resolving the session before the commit would cache the old row again.
        drop(r -> r.session().id().equals(sessionId));
        afterCommit(() -> drop(r -> r.session().id().equals(sessionId)));
    }

    /** A new policy (MFA roles, idle timeout) applies to the organisation's sessions on their next request. */
    @EventListener
    void onSettingsChanged(SecuritySettingsChanged event) {
        forgetTenant(event.tenantId());
    }

    /** New permissions, and the MFA a new role may require, apply to existing sessions at once. */
    @EventListener
    void onRoleGranted(RoleGranted event) {
        forgetUser(event.tenantId(), event.userId());
    }

    @EventListener
    void onRoleRevoked(RoleRevoked event) {
        forgetUser(event.tenantId(), event.userId());
    }

    @EventListener
    void onRoleChanged(RoleChanged event) {
        forgetTenant(event.tenantId());
    }

    private void forgetUser(long tenantId, String userId) {
        afterCommit(() -> drop(r -> r.actor().tenantId() != null && r.actor().tenantId() == tenantId
                && userId.equals(r.actor().userId())));
    }

    private void forgetTenant(long tenantId) {
        afterCommit(() -> drop(r -> r.actor().tenantId() != null && r.actor().tenantId() == tenantId));
    }

    private void drop(Predicate<Resolved> which) {
        cache.asMap().values().removeIf(which);
    }

    private Optional<Resolved> resolve(String hash) {
        Instant now = clock.instant();
        return sessions.findByTokenHash(hash)
                .filter(s -> s.usableAt(now))
                .flatMap(s -> accounts.find(s.accountId()).flatMap(account -> actorOf(account).map(actor -> {
                    SessionAccess access = mfa.accessFor(account, s.mfaVerified());
                    // A session that still owes a step carries no permissions, whatever reads it.
                    Set<Permission> permissions = access == SessionAccess.FULL ? actor.permissions() : Set.of();
                    Actor bound = new Actor(actor.kind(), actor.tenantId(), actor.userId(), actor.accountId(),
                            actor.name(), permissions, s.id(), null);
                    return new Resolved(s, bound, touches.lastSeen(s.id(), s.lastSeenAt()), access,
                            settings.of(account.tenantId()).sessionIdleTimeout());
                })));
    }

    private static boolean idle(Resolved resolved, Instant now) {
        Instant lastSeen = resolved.lastTouched().isAfter(resolved.session().lastSeenAt())
                ? resolved.lastTouched() : resolved.session().lastSeenAt();
        return Duration.between(lastSeen, now).compareTo(resolved.idleTimeout()) > 0;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private record Resolved(SessionRecord session, Actor actor, Instant lastTouched, SessionAccess access,
                            Duration idleTimeout) {

        Resolved touched(Instant now) {
            return new Resolved(session, actor, now, access, idleTimeout);
        }
    }
}
