package hk.lantau.openplatform;

import java.time.Instant;

/**
 * One of an app's secrets as an admin sees it: never the secret itself, only its last characters.
 *
 * @param graceUntil   when a replaced secret stops working, {@code null} while it is the current one
 * @param expiresSoon  whether it still works but expires within the warning period (14 days)
 */
public record AppSecret(long id, long appId, String hint, Instant createdAt, Instant expiresAt, Instant graceUntil,
                        Instant revokedAt, String createdBy, SecretState state, boolean expiresSoon) {

    /** When the secret stops working unless revoked sooner: its expiry, or the end of its grace period. */
    public Instant usableUntil() {
        return graceUntil != null && graceUntil.isBefore(expiresAt) ? graceUntil : expiresAt;
    }
}
