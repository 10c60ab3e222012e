package hk.lantau.identity.internal;

import hk.lantau.identity.Authenticated;
import hk.lantau.identity.BearerTokenResolver;
import hk.lantau.identity.SessionAccess;
import hk.lantau.identity.SessionCookies;
import hk.lantau.identity.Sessions;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.LantauException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request from its {@code Authorization: Bearer} token or its session cookie. A
 * session that still owes MFA (or an enrolment) reaches only the calls that complete that step:
 * other API calls are refused with 403 here, while public calls (signing in again, using a link)
 * and pages other than those under {@code /mfa} see an anonymous visitor.
 */
public class SessionAuthenticationFilter extends OncePerRequestFilter {

    private final Sessions sessions;
    private final List<BearerTokenResolver> resolvers;
    private final ProblemSecurityHandlers problems;

    SessionAuthenticationFilter(Sessions sessions, List<BearerTokenResolver> resolvers,
                                ProblemSecurityHandlers problems) {
        this.sessions = sessions;
        this.resolvers = List.copyOf(resolvers);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request);
        BearerTokenResolver resolver = token == null ? null : resolverFor(token);
        if (resolver != null) {
            Optional<Actor> actor;
            try {
                actor = resolver.resolve(token, request.getRemoteAddr());
            } catch (LantauException e) {
                problems.write(request, response, e.status(), e.code(), e.getMessage());
                return;
            }
            authenticateAndContinue(actor, request, response, chain);
            return;
        }
        if (token == null) {
            token = SessionCookies.read(request);
        }
        Optional<Authenticated> found = token == null ? Optional.empty()
                : sessions.authenticateSession(token, request.getRemoteAddr());
        if (found.isPresent()) {
            Authenticated auth = found.get();
            if (auth.access() != SessionAccess.FULL && !MfaStepPaths.allows(auth.access(), request)) {
                if (MfaStepPaths.isGatedApi(request)) {
                    refuse(auth.access(), request, response);
                    return;
                }
                found = Optional.empty();
            }
        }
        authenticateAndContinue(found.map(Authenticated::actor), request, response, chain);
    }

    private void authenticateAndContinue(Optional<Actor> actor, HttpServletRequest request,
                                         HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        actor.ifPresent(a -> {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ActorScope.ActorAuthentication(a));
            SecurityContextHolder.setContext(context);
        });
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void refuse(SessionAccess access, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (access == SessionAccess.ENROLMENT_ONLY) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "identity.mfa_enrolment_required",
                    "Your role requires two-step sign-in. Enrol an authenticator app first "
                            + "(POST /api/v1/auth/mfa/enrolment).");
        } else {
            problems.write(request, response, HttpStatus.FORBIDDEN, "identity.mfa_required",
                    "Enter the code from your authenticator app to finish signing in "
                            + "(POST /api/v1/auth/sessions/mfa).");
        }
    }

    private BearerTokenResolver resolverFor(String token) {
        for (BearerTokenResolver resolver : resolvers) {
            if (resolver.accepts(token)) {
                return resolver;
            }
        }
        return null;
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        return null;
    }
}
