package hk.lantau.openplatform.internal;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.MissingScopeException;
import hk.lantau.shared.Scope;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Gates apps by the scope each handler declares ({@code @RequiresScope}, on the method or else its
 * class) and keeps them out of {@code @PeopleOnly} handlers. It fails closed: a handler of ours that
 * declares neither refuses apps, so a new endpoint is never open to apps by omission. People are
 * not affected; their permissions are checked as before.
 */
@Component
class ScopeInterceptor implements HandlerInterceptor {

    private final CredentialCache cache;

    ScopeInterceptor(CredentialCache cache) {
        this.cache = cache;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ERROR
                || !method.getBeanType().getName().startsWith("hk.lantau.")) {
            return true;
        }
        Optional<Actor> actor = CurrentActor.find().filter(a -> a.kind() == ActorKind.APP);
        if (actor.isEmpty()) {
            return true;
        }
        ScopeDeclaration declared = ScopeDeclaration.of(method);
        if (declared.peopleOnly() || (!declared.declared() && !request.getRequestURI().startsWith("/api/"))) {
            throw LantauException.forbidden("openplatform.people_only",
                    "Only people can use this; apps cannot, whatever their scopes.");
        }
        if (!declared.declared()) {
            throw LantauException.forbidden("openplatform.scope_undeclared",
                    "This endpoint declares no scope, so no app may call it.");
        }
        require(actor.get(), declared.scope());
        return true;
    }

    private void require(Actor app, Scope scope) {
        boolean held = cache.app(app.userId()).map(s -> s.app().has(scope)).orElse(false);
        if (!held) {
            throw new MissingScopeException(scope);
        }
    }
}
