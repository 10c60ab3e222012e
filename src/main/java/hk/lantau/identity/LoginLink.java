package hk.lantau.identity;

import java.time.Instant;

/** A one-time link to set a password; {@code url} carries the only copy of the token. */
public record LoginLink(String url, String token, Instant expiresAt) {

    public enum Purpose { SETUP, RESET }

    @Override
    public String toString() {
        return "LoginLink[expiresAt=" + expiresAt + "]";
    }
}
