package hk.lantau.openplatform;

import hk.lantau.shared.Scope;
import java.time.Instant;
import java.util.Set;

/** A granted access token; {@code value} is returned to the app once and stored only as a hash. */
public record AccessToken(String value, Instant expiresAt, long expiresInSeconds, Set<Scope> scopes) {

    public AccessToken {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
