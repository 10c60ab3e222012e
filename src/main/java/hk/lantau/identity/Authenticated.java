package hk.lantau.identity;

import hk.lantau.shared.Actor;

/**
 * The caller behind a session token and what the session may do. When {@code access} is not
 * {@link SessionAccess#FULL} the actor carries no permissions.
 */
public record Authenticated(Actor actor, SessionAccess access) {
}
