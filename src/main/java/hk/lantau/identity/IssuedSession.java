package hk.lantau.identity;

import java.time.Instant;

/** A new sign-in session; {@code token} is shown to the client once and stored only as a hash. */
public record IssuedSession(String sessionId, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedSession[" + sessionId + "]";
    }
}
