package hk.lantau.identity;

import hk.lantau.directory.UserStatus;
import hk.lantau.directory.UserStatusChanged;
import hk.lantau.identity.internal.AccountRecord;
import hk.lantau.identity.internal.AccountRepository;
import hk.lantau.identity.internal.DeviceLabels;
import hk.lantau.identity.internal.KnownClientRepository;
import hk.lantau.identity.internal.PasswordHasher;
import hk.lantau.identity.internal.SessionRecord;
import hk.lantau.identity.internal.SessionRepository;
import hk.lantau.identity.internal.SignInFailures;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sign-in sessions: password sign-in, turning a bearer token into an {@link Actor}, and ending
 * sessions. Resolved actors are cached for a few seconds; that bounds how long a revocation or a
 * role change takes to reach every node.
 */
@Service
public class Sessions {

    /** How stale a cached session may be on any node. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(10);

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final KnownClientRepository knownClients;
    private final PasswordHasher hasher;
    private final SignInFailures failures;
    private final MfaPolicy mfa;
    private final SessionResolver resolver;
    private final SecuritySettingsService settings;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionOperations tx;
    private final Clock clock;

    Sessions(AccountRepository accounts, SessionRepository sessions, KnownClientRepository knownClients,
             PasswordHasher hasher, SignInFailures failures, MfaPolicy mfa, SessionResolver resolver,
             SecuritySettingsService settings, IdentityProperties properties, ApplicationEventPublisher events,
             TransactionOperations tx, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.knownClients = knownClients;
        this.hasher = hasher;
        this.failures = failures;
        this.mfa = mfa;
        this.resolver = resolver;
        this.settings = settings;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Checks a password and opens a session. For an account with an authenticator the session can
     * only complete MFA; for one whose role needs MFA and has none, it can only enrol. Not one
     * transaction: the slow hash runs without holding a database connection, and a failure is
     * recorded in its own transaction so the refusal cannot roll it back.
     *
     * @throws AccountLockedException while the account is locked, and on the failure that locks it
     */
    public IssuedSession signIn(String login, String password, ClientInfo client) {
        String typed = password == null ? "" : password;
        Optional<AccountRecord> found = accounts.findByLogin(Accounts.normalise(login));
        if (found.isEmpty() || !found.get().hasPassword()) {
            hasher.burn(typed);
            throw badCredentials();
        }
        AccountRecord account = found.get();
        refuseIfLocked(account, client);
        if (!hasher.matches(typed, account.passwordHash())) {
            failures.count(account, "bad_password", settings.of(account.tenantId()), client.ip())
                    .ifPresent(until -> {
                        throw new AccountLockedException(until);
                    });
            throw badCredentials();
        }
        if (resolver.actorOf(account).isEmpty()) {
            throw new LantauException(HttpStatus.FORBIDDEN, "identity.account_disabled",
                    "This account cannot sign in: it is suspended, has left, or its organisation is suspended.");
        }
        return tx.execute(status -> {
            // A parallel attempt may have locked the account while this password was being checked.
            AccountRecord current = accounts.find(account.id()).orElseThrow(Sessions::badCredentials);
            refuseIfLocked(current, client);
            SessionAccess access = mfa.accessFor(current, false);
            if (access != SessionAccess.MFA_REQUIRED) {
                // Only a complete sign-in clears the count; otherwise the password alone would
                // reset the budget of TOTP guesses.
                accounts.clearFailures(current.id());
            }
            IssuedSession issued = open(current, client, access, false);
            flagNewClient(current, issued.sessionId(), client);
            return issued;
        });
    }

    /** Starts a session for an account whose credentials the caller checked. */
    IssuedSession open(AccountRecord account, ClientInfo client, SessionAccess access, boolean mfaVerified) {
        Instant now = clock.instant();
        String token = Tokens.random(32);
        String device = DeviceLabels.of(client.userAgent());
        Duration lifetime = switch (access) {
            case FULL -> properties.sessionMaxAge();
            case MFA_REQUIRED -> properties.mfaStepTtl();
            case ENROLMENT_ONLY -> properties.mfaEnrolmentTtl();
        };
        var record = new SessionRecord(UUID.randomUUID().toString(), account.id(), account.tenantId(), now, now,
                now.plus(lifetime), truncate(client.ip(), 64), truncate(client.userAgent(), 512), device,
                mfaVerified, null);
        sessions.insert(record, Tokens.sha256Hex(token));
        ActorScope.runAs(signedIn(account, record.id(), client.ip()), () -> events.publishEvent(
                new SignedIn(account.tenantId(), account.login(), record.id(), device)));
        return new IssuedSession(record.id(), token, record.expiresAt(), access);
    }

    /** The actor behind a bearer token, or empty when the token is unknown, expired, revoked or restricted. */
    public Optional<Actor> authenticate(String token, String ip) {
        return authenticateSession(token, ip).filter(a -> a.access() == SessionAccess.FULL)
                .map(Authenticated::actor);
    }

    /** The caller behind a token with what its session may do, including sessions that still owe MFA. */
    public Optional<Authenticated> authenticateSession(String token, String ip) {
        return resolver.authenticate(token, ip);
    }

    /** Ends the caller's own session; other nodes hear of it through {@link SignedOut}. */
    public void signOut(Actor actor) {
        if (actor.sessionId() != null && end(actor.sessionId(), "signed_out")) {
            events.publishEvent(new SignedOut(actor.tenantId(), actor.userId(), actor.sessionId()));
        }
    }

    /** Ends one session; takes effect on this node at once and on others within {@link #CACHE_TTL}. */
    public boolean end(String sessionId, String reason) {
        boolean ended = sessions.revoke(sessionId, reason, clock.instant()) == 1;
        forget(sessionId);
        return ended;
    }

    List<String> endAll(long accountId, String reason) {
        List<String> ended = sessions.revokeAllForAccount(accountId, reason, clock.instant());
        ended.forEach(this::forget);
        return ended;
    }

    /** Drops a session from this node's cache (again after the surrounding transaction commits). */
    public void forget(String sessionId) {
        resolver.forget(sessionId);
    }

    /** People who are suspended or leave lose every session at once. */
    @EventListener
    void onStatusChanged(UserStatusChanged event) {
        if (event.to() != UserStatus.ACTIVE) {
            accounts.findByUser(event.tenantId(), event.userId()).ifPresent(account ->
                    endAll(account.id(), "user_" + event.to().name().toLowerCase(Locale.ROOT)));
        }
    }

    private void refuseIfLocked(AccountRecord account, ClientInfo client) {
        Instant now = clock.instant();
        if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
            failures.refusedWhileLocked(account, client.ip());
            throw new AccountLockedException(account.lockedUntil());
        }
    }

    private void flagNewClient(AccountRecord account, String sessionId, ClientInfo client) {
        Instant now = clock.instant();
        // An account's very first sign-in sets the baseline; everything is new then.
        boolean baseline = !knownClients.anyFor(account.id());
        String device = DeviceLabels.of(client.userAgent());
        boolean newDevice = knownClients.remember(account.id(), KnownClientRepository.DEVICE, device, now);
        String ip = truncate(client.ip(), 64);
        boolean newIp = ip != null && knownClients.remember(account.id(), KnownClientRepository.IP, ip, now);
        if (!baseline && (newDevice || newIp)) {
            ActorScope.runAs(signedIn(account, sessionId, ip), () -> events.publishEvent(new NewDeviceSignIn(
                    account.tenantId(), account.login(), sessionId, device, ip, newDevice, newIp)));
        }
    }

    /** Who the audit trail shows for sign-in events: the account itself, from the client's address. */
    private static Actor signedIn(AccountRecord account, String sessionId, String ip) {
        ActorKind kind = account.kind() == AccountKind.OPERATOR ? ActorKind.OPERATOR : ActorKind.USER;
        return new Actor(kind, account.tenantId(), account.userId(), account.id(), account.login(), Set.of(),
                sessionId, ip);
    }

    private static LantauException badCredentials() {
        return new LantauException(HttpStatus.UNAUTHORIZED, "identity.bad_credentials",
                "The e-mail address or password is wrong.");
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
