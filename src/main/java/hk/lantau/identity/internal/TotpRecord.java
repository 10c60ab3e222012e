package hk.lantau.identity.internal;

import java.time.Instant;

/** A row of idn_totp. The seed stays sealed here; it is opened only to check a code. */
public record TotpRecord(long accountId, String sealedSecret, boolean active, Instant createdAt,
                         Instant confirmedAt, Long lastUsedStep) {

    @Override
    public String toString() {
        return "TotpRecord[" + accountId + ", active=" + active + "]";
    }
}
