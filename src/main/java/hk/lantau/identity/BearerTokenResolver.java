package hk.lantau.identity;

import hk.lantau.shared.Actor;
import java.util.Optional;

/**
 * Turns a bearer token that is not a sign-in session, such as an app's access token, into the
 * request's actor. Modules that issue such tokens implement it; the security filter asks the
 * resolver whose {@link #accepts} matches, so a session token never costs another lookup.
 */
public interface BearerTokenResolver {

    /** Whether the token has this resolver's shape (typically its prefix). */
    boolean accepts(String token);

    /**
     * The actor, or empty for an unknown, expired or revoked token (the caller then gets 401).
     * Throws {@link hk.lantau.shared.LantauException} to refuse a valid token with a reason, such
     * as a source address outside the app's allow-list.
     */
    Optional<Actor> resolve(String token, String ip);
}
