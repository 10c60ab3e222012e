package hk.lantau.identity;

import hk.lantau.directory.Directory;
import hk.lantau.identity.internal.AccountRecord;
import hk.lantau.identity.internal.TotpRepository;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Decides what a session may do. Evaluated whenever a session is resolved (at most every ten
 * seconds), so a role granted after sign-in, or an authenticator enrolled on another device,
 * takes effect on sessions that already exist.
 */
@Component
class MfaPolicy {

    private final TotpRepository totp;
    private final Directory directory;
    private final SecuritySettingsService settings;

    MfaPolicy(TotpRepository totp, Directory directory, SecuritySettingsService settings) {
        this.totp = totp;
        this.directory = directory;
        this.settings = settings;
    }

    SessionAccess accessFor(AccountRecord account, boolean mfaVerified) {
        if (totp.isActive(account.id())) {
            return mfaVerified ? SessionAccess.FULL : SessionAccess.MFA_REQUIRED;
        }
        return required(account) ? SessionAccess.ENROLMENT_ONLY : SessionAccess.FULL;
    }

    /** Operators always need MFA; people when they hold a role the organisation lists. */
    boolean required(AccountRecord account) {
        if (account.kind() == AccountKind.OPERATOR) {
            return true;
        }
        Set<String> roles = directory.roleKeys(account.tenantId(), account.userId());
        return settings.of(account.tenantId()).mfaRequiredRoles().stream().anyMatch(roles::contains);
    }
}
