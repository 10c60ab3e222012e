package hk.lantau.identity.internal;

import hk.lantau.compliance.AuditTrail;
import hk.lantau.identity.AccountKind;
import hk.lantau.identity.AccountLocked;
import hk.lantau.identity.SecuritySettings;
import hk.lantau.identity.SignInFailed;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.ActorScope;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-in steps, locks accounts and writes both to the audit trail. Each call is its
 * own transaction: the refused request throws and rolls back, and these records must survive it.
 */
@Component
public class SignInFailures {

    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final Clock clock;

    SignInFailures(AccountRepository accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Counts one failure ({@code bad_password}, {@code totp_invalid}, {@code totp_replayed}) and locks
     * the account when it reaches the policy's threshold.
     *
     * @return when the account is now locked until, if this failure locked it
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Instant> count(AccountRecord account, String reason, SecuritySettings policy, String ip) {
        Instant now = clock.instant();
        int attempts = accounts.countFailure(account.id());
        Instant lockedUntil = attempts >= policy.lockoutThreshold() ? now.plus(policy.lockoutDuration()) : null;
        if (lockedUntil != null) {
            accounts.lock(account.id(), lockedUntil, now);
        }
        ActorScope.runAs(signIn(account, ip), () -> {
            audit.record(new SignInFailed(account.tenantId(), account.login(), reason, attempts));
            if (lockedUntil != null) {
                audit.record(new AccountLocked(account.tenantId(), account.login(), lockedUntil.toString(), attempts));
            }
        });
        return Optional.ofNullable(lockedUntil);
    }

    /** An attempt on a locked account: recorded, but it neither counts nor extends the lock. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refusedWhileLocked(AccountRecord account, String ip) {
        ActorScope.runAs(signIn(account, ip),
                () -> audit.record(new SignInFailed(account.tenantId(), account.login(), "locked", 0)));
    }

    /** Nobody is signed in yet: the trail shows the sign-in service, the address and the account tried. */
    private static Actor signIn(AccountRecord account, String ip) {
        Long tenantId = account.kind() == AccountKind.OPERATOR ? null : account.tenantId();
        return new Actor(ActorKind.SYSTEM, tenantId, null, null, "sign-in", Set.of(), null, ip);
    }
}
