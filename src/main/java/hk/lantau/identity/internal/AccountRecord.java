package hk.lantau.identity.internal;

import hk.lantau.identity.AccountKind;
import java.time.Instant;

/** A row of idn_account. The password hash never leaves the identity module. */
public record AccountRecord(long id, AccountKind kind, Long tenantId, String userId, String login,
                           String passwordHash, int failedAttempts, Instant lockedUntil) {

    public boolean hasPassword() {
        return passwordHash != null;
    }

    @Override
    public String toString() {
        return "AccountRecord[" + id + ", " + kind + "]";
    }
}
