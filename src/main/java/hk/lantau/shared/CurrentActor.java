package hk.lantau.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the {@link Actor} that the security layer bound to the current request or job. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    public static Actor get() {
        return find().orElseThrow(() -> new LantauException(
                org.springframework.http.HttpStatus.UNAUTHORIZED, "auth.required", "Sign in first."));
    }

    /** Requires a permission; the caller can see the object, so a refusal is a 403 that names it. */
    public static Actor require(Permission permission) {
        Actor actor = get();
        if (!actor.can(permission)) {
            throw LantauException.forbidden("auth.permission_missing",
                    "This needs the permission " + permission.key() + ".");
        }
        return actor;
    }
}
