package hk.lantau.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.directory.UserStatusChanged;
import hk.lantau.identity.internal.AccountRecord;
import hk.lantau.identity.internal.AccountRepository;
import hk.lantau.identity.internal.DeviceLabels;
import hk.lantau.identity.internal.PasswordHasher;
import hk.lantau.identity.internal.SessionRecord;
import hk.lantau.identity.internal.SessionRepository;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Tokens;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in sessions: password sign-in, turning a bearer token into an {@link Actor}, and ending
 * sessions. Resolved actors are cached for a few seconds; that bounds how long a revocation or a
 * role change takes to reach every node.
 */
@Service
public class Sessions {

    /** How stale a cached session may be on any node. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final Directory directory;
    private final Organisations organisations;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cache<String, Resolved> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL).maximumSize(100_000).build();

    Sessions(AccountRepository accounts, SessionRepository sessions, PasswordHasher hasher, Directory directory,
             Organisations organisations, IdentityProperties properties, ApplicationEventPublisher events,
             Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.directory = directory;
        this.organisations = organisations;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public IssuedSession signIn(String login, String password, ClientInfo client) {
        Optional<AccountRecord> found = accounts.findByLogin(Accounts.normalise(login));
        if (found.isEmpty() || !found.get().hasPassword()) {
            hasher.burn(password == null ? "" : password);
            throw badCredentials();
        }
        AccountRecord account = found.get();
        if (!hasher.matches(password == null ? "" : password, account.passwordHash())) {
            throw badCredentials();
        }
        ensureMayUse(account);
        return open(account, client, false);
    }

    /** Starts a session for an account whose credentials were checked by the caller. */
    @Transactional
    public IssuedSession open(AccountRecord account, ClientInfo client, boolean mfaVerified) {
        Instant now = clock.instant();
        String token = Tokens.random(32);
        String device = DeviceLabels.of(client.userAgent());
        var record = new SessionRecord(UUID.randomUUID().toString(), account.id(), account.tenantId(), now, now,
                now.plus(properties.sessionMaxAge()), client.ip(), truncate(client.userAgent(), 512), device,
                mfaVerified, null);
        sessions.insert(record, Tokens.sha256Hex(token));
        events.publishEvent(new SignedIn(account.tenantId(), account.login(), record.id(), device));
        return new IssuedSession(record.id(), token, record.expiresAt());
    }

    /** The actor behind a bearer token, or empty when the token is unknown, expired or revoked. */
    public Optional<Actor> authenticate(String token, String ip) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.sha256Hex(token);
        Instant now = clock.instant();
        Resolved resolved = cache.getIfPresent(hash);
        if (resolved == null) {
            resolved = resolve(hash, now).orElse(null);
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
            sessions.touch(session.id(), now);
            cache.put(hash, new Resolved(session, resolved.actor(), now));
        }
        Actor actor = resolved.actor();
        return Optional.of(new Actor(actor.kind(), actor.tenantId(), actor.userId(), actor.accountId(), actor.name(),
                actor.permissions(), actor.sessionId(), ip));
    }

    @Transactional
    public void signOut(String sessionId) {
        sessions.revoke(sessionId, "signed_out", clock.instant());
        forget(sessionId);
    }

    /** People who are suspended or leave lose every session at once. */
    @EventListener
    void onStatusChanged(UserStatusChanged event) {
        if (event.to() != hk.lantau.directory.UserStatus.ACTIVE) {
            accounts.findByUser(event.tenantId(), event.userId()).ifPresent(account -> sessions
                    .revokeAllForAccount(account.id(), "user_" + event.to().name().toLowerCase(), clock.instant())
                    .forEach(this::forget));
        }
    }

    public void forget(String sessionId) {
        cache.asMap().values().removeIf(r -> r.session().id().equals(sessionId));
    }

    private boolean idle(Resolved resolved, Instant now) {
        Instant lastSeen = resolved.lastTouched().isAfter(resolved.session().lastSeenAt())
                ? resolved.lastTouched() : resolved.session().lastSeenAt();
        return Duration.between(lastSeen, now).compareTo(properties.sessionIdleTimeout()) > 0;
    }

    private Optional<Resolved> resolve(String hash, Instant now) {
        return sessions.findByTokenHash(hash)
                .filter(s -> s.usableAt(now))
                .flatMap(s -> accounts.find(s.accountId()).flatMap(this::actorOf)
                        .map(actor -> new Resolved(s, withSession(actor, s.id()), s.lastSeenAt())));
    }

    private Optional<Actor> actorOf(AccountRecord account) {
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

    private void ensureMayUse(AccountRecord account) {
        if (actorOf(account).isEmpty()) {
            throw new LantauException(HttpStatus.FORBIDDEN, "identity.account_disabled",
                    "This account cannot sign in: it is suspended, has left, or its organisation is suspended.");
        }
    }

    private static Actor withSession(Actor actor, String sessionId) {
        return new Actor(actor.kind(), actor.tenantId(), actor.userId(), actor.accountId(), actor.name(),
                actor.permissions(), sessionId, null);
    }

    private static LantauException badCredentials() {
        return new LantauException(HttpStatus.UNAUTHORIZED, "identity.bad_credentials",
                "The e-mail address or password is wrong.");
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public List<SessionRecord> activeSessions(long accountId) {
        return sessions.activeForAccount(accountId, clock.instant());
    }

    private record Resolved(SessionRecord session, Actor actor, Instant lastTouched) {
    }
}
