package hk.lantau.compat.web;

import hk.lantau.compat.web.CompatRoutes.Route;
import hk.lantau.identity.BearerTokenResolver;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.ActorScope.ActorAuthentication;
import hk.lantau.shared.LantauException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates DingTalk's calls with DingTalk's token: the {@code access_token} parameter on the old
 * paths (query or form body), the {@code x-acs-dingtalk-access-token} header on {@code /v1.0}. The
 * token is an app's Lantau access token, resolved by the open platform like a bearer token, so the
 * call acts as the app with its scopes; the access log and the rate limiter, which run next, see it
 * as any app call. Unknown paths under DingTalk's prefixes are answered here, before anything else.
 * A form body sent with GET, as DingTalk's curl samples send it, is read here ({@link FormBodyRequest}).
 */
@Component
@Order(CompatAuthenticationFilter.ORDER)
class CompatAuthenticationFilter extends OncePerRequestFilter {

    /** After Spring Security's chain (-100), before the access log (-90) and the rate limiter (-80). */
    static final int ORDER = -95;
    static final String NEW_TOKEN_HEADER = "x-acs-dingtalk-access-token";

    private final CompatRoutes routes;
    private final CompatErrors errors;
    private final List<BearerTokenResolver> resolvers;

    CompatAuthenticationFilter(CompatRoutes routes, CompatErrors errors, List<BearerTokenResolver> resolvers) {
        this.routes = routes;
        this.errors = errors;
        this.resolvers = List.copyOf(resolvers);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest sent, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Route> route = routes.route(sent);
        if (route.isEmpty()) {
            chain.doFilter(sent, response);
            return;
        }
        Family family = route.get().family();
        if (route.get().kind() == CompatRoutes.Kind.UNKNOWN) {
            errors.write(sent, response, DingTalkException.unknownPath(family, sent.getRequestURI()));
            return;
        }
        HttpServletRequest request;
        try {
            request = FormBodyRequest.of(sent);
        } catch (DingTalkException e) {
            errors.write(sent, response, e);
            return;
        }
        if (route.get().kind() == CompatRoutes.Kind.OPEN) {
            chain.doFilter(request, response);
            return;
        }
        Actor app;
        try {
            app = authenticate(request, family);
        } catch (DingTalkException e) {
            errors.write(request, response, e);
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(app));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private Actor authenticate(HttpServletRequest request, Family family) {
        // /v1.0 takes the token only from its header, as DingTalk's gateway does.
        String token = family == Family.NEW ? request.getHeader(NEW_TOKEN_HEADER) : request.getParameter("access_token");
        if (token == null || token.isBlank()) {
            throw DingTalkException.tokenMissing(family);
        }
        BearerTokenResolver resolver = resolvers.stream().filter(r -> r.accepts(token.strip())).findFirst()
                .orElseThrow(DingTalkException::tokenInvalid);
        Optional<Actor> actor;
        try {
            actor = resolver.resolve(token.strip(), request.getRemoteAddr());
        } catch (LantauException e) {
            throw "openplatform.ip_not_allowed".equals(e.code()) ? DingTalkException.addressNotAllowed()
                    : DingTalkException.tokenInvalid();
        }
        return actor.filter(a -> a.kind() == ActorKind.APP).orElseThrow(DingTalkException::tokenInvalid);
    }
}
