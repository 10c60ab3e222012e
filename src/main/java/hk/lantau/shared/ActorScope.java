package hk.lantau.shared;

import java.util.function.Supplier;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Runs work as a given actor outside a request: start-up tasks, imports, schedules. */
public final class ActorScope {

    private ActorScope() {
    }

    public static <T> T callAs(Actor actor, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(Actor actor, Runnable work) {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }

    /** The authentication that carries an {@link Actor}; authorities are its permission keys. */
    public static final class ActorAuthentication extends AbstractAuthenticationToken {

        private final Actor actor;

        public ActorAuthentication(Actor actor) {
            super(actor.permissions().stream().map(p -> new SimpleGrantedAuthority(p.key())).toList());
            this.actor = actor;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Actor getPrincipal() {
            return actor;
        }

        @Override
        public String getName() {
            return actor.reference();
        }
    }
}
