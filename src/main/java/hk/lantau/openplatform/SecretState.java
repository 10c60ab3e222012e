package hk.lantau.openplatform;

/** Where an app secret is in its life, at the time it was read. */
public enum SecretState {
    /** Works, and is the secret the app should use. */
    ACTIVE,
    /** Replaced by a newer secret but still works until its grace period ends. */
    GRACE,
    /** Replaced, and its grace period is over. */
    RETIRED,
    /** Past its lifetime. */
    EXPIRED,
    /** Revoked by an admin. */
    REVOKED;

    public boolean usable() {
        return this == ACTIVE || this == GRACE;
    }
}
