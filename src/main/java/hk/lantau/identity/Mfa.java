package hk.lantau.identity;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.identity.internal.AccountRecord;
import hk.lantau.identity.internal.AccountRepository;
import hk.lantau.identity.internal.SessionRecord;
import hk.lantau.identity.internal.SessionRepository;
import hk.lantau.identity.internal.SignInFailures;
import hk.lantau.identity.internal.TotpCodes;
import hk.lantau.identity.internal.TotpRecord;
import hk.lantau.identity.internal.TotpRepository;
import hk.lantau.shared.Actor;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * TOTP second factor: enrolling an authenticator, and the code step of signing in. Completing
 * either step ends the calling session and opens a new full one, so no node can keep serving a
 * cached, restricted view of the old token.
 */
@Service
public class Mfa {

    private final AccountRepository accounts;
    private final SessionRepository sessionRows;
    private final TotpRepository totp;
    private final TotpCodes codes;
    private final SecretSealing sealing;
    private final Sessions sessions;
    private final MfaPolicy policy;
    private final SecuritySettingsService settings;
    private final SignInFailures failures;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionOperations tx;
    private final Clock clock;

    Mfa(AccountRepository accounts, SessionRepository sessionRows, TotpRepository totp, TotpCodes codes,
        SecretSealing sealing, Sessions sessions, MfaPolicy policy, SecuritySettingsService settings,
        SignInFailures failures, IdentityProperties properties, ApplicationEventPublisher events,
        TransactionOperations tx, Clock clock) {
        this.accounts = accounts;
        this.sessionRows = sessionRows;
        this.totp = totp;
        this.codes = codes;
        this.sealing = sealing;
        this.sessions = sessions;
        this.policy = policy;
        this.settings = settings;
        this.failures = failures;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public MfaStatus status(Actor caller) {
        AccountRecord account = accountOf(caller);
        var record = totp.find(account.id());
        boolean enrolled = record.map(TotpRecord::active).orElse(false);
        return new MfaStatus(enrolled, policy.required(account), record.isPresent() && !enrolled,
                record.filter(TotpRecord::active).map(TotpRecord::confirmedAt).orElse(null));
    }

    /** Starts (or restarts) an enrolment with a new seed; shown once, stored only sealed. */
    @Transactional
    public TotpEnrolment startEnrolment(Actor caller) {
        AccountRecord account = accountOf(caller);
        if (totp.isActive(account.id())) {
            throw alreadyEnrolled();
        }
        String secret = codes.newSecret();
        totp.savePending(account.id(), sealing.seal(TotpRepository.purpose(account.id()), secret), clock.instant());
        return codes.enrolment(secret, properties.totpIssuer(), account.login());
    }

    /**
     * Activates the pending authenticator with a code from it. A wrong code here does not count
     * towards lockout: the caller already holds a session and is proving their own new device.
     */
    @Transactional
    public IssuedSession confirmEnrolment(Actor caller, String code, ClientInfo client) {
        AccountRecord account = accountOf(caller);
        TotpRecord pending = totp.find(account.id()).orElseThrow(() -> LantauException.conflict(
                "identity.mfa_enrolment_not_started", "Start an enrolment first."));
        if (pending.active()) {
            throw alreadyEnrolled();
        }
        long step = codes.matchingStep(open(account, pending), code).orElseThrow(Mfa::invalidCode);
        if (!totp.activate(account.id(), step, clock.instant())) {
            throw alreadyEnrolled();
        }
        events.publishEvent(new MfaEnrolled(account.tenantId(), account.login()));
        accounts.clearFailures(account.id());
        sessions.end(caller.sessionId(), "mfa_enrolled");
        return sessions.open(account, client, SessionAccess.FULL, true);
    }

    /**
     * The second step of signing in: the calling session (which can do nothing else) is exchanged
     * for a full one. Wrong and replayed codes count towards lockout like wrong passwords.
     *
     * @throws AccountLockedException while locked, and on the failure that locks the account
     */
    public IssuedSession completeSignIn(Actor caller, String code, ClientInfo client) {
        AccountRecord account = accountOf(caller);
        SessionRecord session = sessionRows.find(caller.sessionId())
                .filter(s -> s.usableAt(clock.instant()))
                .orElseThrow(() -> new LantauException(HttpStatus.UNAUTHORIZED, "auth.required", "Sign in first."));
        TotpRecord record = totp.find(account.id()).filter(TotpRecord::active).orElseThrow(
                () -> LantauException.conflict("identity.mfa_not_enrolled", "This account has no authenticator."));
        if (session.mfaVerified()) {
            throw LantauException.conflict("identity.mfa_not_pending", "This session has already passed MFA.");
        }
        Instant now = clock.instant();
        if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
            failures.refusedWhileLocked(account, client.ip());
            throw new AccountLockedException(account.lockedUntil());
        }
        OptionalLong step = codes.matchingStep(open(account, record), code);
        if (step.isEmpty()) {
            throw fail(account, "totp_invalid", client, invalidCode());
        }
        IssuedSession issued = tx.execute(status -> {
            if (!totp.consumeStep(account.id(), step.getAsLong())) {
                return null;
            }
            accounts.clearFailures(account.id());
            sessions.end(session.id(), "mfa_completed");
            return sessions.open(account, client, SessionAccess.FULL, true);
        });
        if (issued == null) {
            throw fail(account, "totp_replayed", client, LantauException.invalidField("code", "identity.totp_replayed",
                    "This code was already used. Wait for your authenticator to show the next one."));
        }
        return issued;
    }

    /** Removes a person's authenticator (e.g. a lost phone) and ends their sessions; they enrol again. */
    @Transactional
    public int remove(long tenantId, String userId, long accountId) {
        if (!totp.delete(accountId)) {
            throw LantauException.conflict("identity.mfa_not_enrolled", "This person has no authenticator.");
        }
        int ended = sessions.endAll(accountId, "mfa_reset").size();
        events.publishEvent(new MfaReset(tenantId, userId, ended));
        return ended;
    }

    /** Counts the failure (own transaction) and answers 423 if it locked the account. */
    private LantauException fail(AccountRecord account, String reason, ClientInfo client, LantauException refusal) {
        return failures.count(account, reason, settings.of(account.tenantId()), client.ip())
                .<LantauException>map(AccountLockedException::new).orElse(refusal);
    }

    private String open(AccountRecord account, TotpRecord record) {
        return sealing.open(TotpRepository.purpose(account.id()), record.sealedSecret());
    }

    private AccountRecord accountOf(Actor caller) {
        if (caller.accountId() == null || caller.sessionId() == null) {
            throw LantauException.forbidden("identity.session_required", "This needs a signed-in person's session.");
        }
        return accounts.find(caller.accountId()).orElseThrow(
                () -> new LantauException(HttpStatus.UNAUTHORIZED, "auth.required", "Sign in first."));
    }

    private static LantauException alreadyEnrolled() {
        return LantauException.conflict("identity.mfa_already_enrolled",
                "An authenticator is already enrolled for this account.");
    }

    private static LantauException invalidCode() {
        return LantauException.invalidField("code", "identity.totp_invalid",
                "This code is not right. Enter the 6-digit code your authenticator shows now.");
    }
}
