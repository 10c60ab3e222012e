package hk.lantau.identity;

import java.time.Instant;

/**
 * A new sign-in session; {@code token} is shown to the client once and stored only as a hash.
 * {@code access} says whether the session still owes a TOTP code or an enrolment.
 */
public record IssuedSession(String sessionId, String token, Instant expiresAt, SessionAccess access) {

    @Override
    public String toString() {
        return "IssuedSession[" + sessionId + ", " + access + "]";
    }
}
