package hk.lantau.identity.internal;

import hk.lantau.identity.SessionCookies;
import hk.lantau.identity.Sessions;
import hk.lantau.shared.ActorScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates a request from its {@code Authorization: Bearer} token or its session cookie. */
public class SessionAuthenticationFilter extends OncePerRequestFilter {

    private final Sessions sessions;

    public SessionAuthenticationFilter(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request);
        if (token == null) {
            token = SessionCookies.read(request);
        }
        if (token != null) {
            sessions.authenticate(token, request.getRemoteAddr()).ifPresent(actor -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ActorScope.ActorAuthentication(actor));
                SecurityContextHolder.setContext(context);
            });
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        return null;
    }
}
