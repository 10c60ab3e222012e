package hk.lantau.identity.internal;

import java.time.Instant;

/** A row of idn_session. */
public record SessionRecord(String id, long accountId, Long tenantId, Instant createdAt, Instant lastSeenAt,
                            Instant expiresAt, String ip, String userAgent, String device, boolean mfaVerified,
                            Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
