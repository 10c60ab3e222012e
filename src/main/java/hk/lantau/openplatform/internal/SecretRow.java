package hk.lantau.openplatform.internal;

import hk.lantau.openplatform.AppSecret;
import hk.lantau.openplatform.SecretState;
import java.time.Duration;
import java.time.Instant;

/** A stored secret: its hash, never its value. */
record SecretRow(long id, long appId, long tenantId, String hint, Instant createdAt, Instant expiresAt,
                 Instant graceUntil, Instant revokedAt, String createdBy) {

    SecretState stateAt(Instant now) {
        if (revokedAt != null) {
            return SecretState.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return SecretState.EXPIRED;
        }
        if (graceUntil == null) {
            return SecretState.ACTIVE;
        }
        return now.isBefore(graceUntil) ? SecretState.GRACE : SecretState.RETIRED;
    }

    AppSecret view(Instant now, Duration warning) {
        SecretState state = stateAt(now);
        AppSecret secret = new AppSecret(id, appId, hint, createdAt, expiresAt, graceUntil, revokedAt, createdBy,
                state, false);
        // Only the secret in use warns: a replaced one is meant to stop at the end of its grace period.
        boolean soon = state == SecretState.ACTIVE && expiresAt.isBefore(now.plus(warning));
        return soon ? new AppSecret(id, appId, hint, createdAt, expiresAt, graceUntil, revokedAt, createdBy, state,
                true) : secret;
    }
}
