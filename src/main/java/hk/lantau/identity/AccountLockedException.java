package hk.lantau.identity;

import hk.lantau.shared.LantauException;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/** Sign-in refused because the account is locked after too many failed attempts (HTTP 423). */
public class AccountLockedException extends LantauException {

    public static final String CODE = "identity.account_locked";

    private final transient Instant unlockAt;

    public AccountLockedException(Instant unlockAt) {
        super(HttpStatus.LOCKED, CODE, "This account is locked after too many failed sign-in attempts. "
                + "Try again after " + unlockAt + ", or ask your administrator for a password reset link.");
        this.unlockAt = unlockAt;
    }

    public Instant unlockAt() {
        return unlockAt;
    }
}
