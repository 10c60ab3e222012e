package hk.lantau.identity.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.identity.BearerTokenResolver;
import hk.lantau.identity.SelfAuthenticatedPaths;
import hk.lantau.identity.SessionCookies;
import hk.lantau.identity.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain: stateless, authenticated by bearer token or session cookie. CSRF protection
 * applies where a browser's cookie authenticates the request, and to the sign-in forms. The CSRF
 * token is not renewed on authentication: every request authenticates afresh here, and renewing
 * it each time would invalidate the token of the page's own forms. Refusals on pages become the
 * console's error page; on the API they are problem details.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] PUBLIC = {
        "/signin", "/setup/**", "/reset/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
        "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**",
        "/api-docs", "/swagger-ui/**", "/swagger-ui.html", "/error", "/api/v1/auth/links/**"
    };
    /** Where apps exchange their key and secret for a token; they authenticate there themselves. */
    private static final String TOKEN_ENDPOINT = "/api/v1/oauth/token";
    /** DingTalk's custom robot webhook; each robot authenticates with its own token there. */
    private static final String ROBOT_WEBHOOK = "/robot/send";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, Sessions sessions, List<BearerTokenResolver> resolvers,
                                    List<SelfAuthenticatedPaths> selfAuthenticated, ObjectMapper json)
            throws Exception {
        var problems = new ProblemSecurityHandlers(json);
        RequestMatcher ownCredentials = request -> selfAuthenticated.stream().anyMatch(p -> p.matches(request));
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(request -> needsCsrf(request) && !ownCredentials.matches(request)))
                .addFilterBefore(new SessionAuthenticationFilter(sessions, resolvers, problems),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/sessions").permitAll()
                        .requestMatchers(HttpMethod.POST, TOKEN_ENDPOINT).permitAll()
                        .requestMatchers(ROBOT_WEBHOOK).permitAll()
                        .requestMatchers(ownCredentials).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/signin"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    private static boolean needsCsrf(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI();
        if (path.equals(TOKEN_ENDPOINT) || path.equals(ROBOT_WEBHOOK)) {
            // Credentials travel in the request itself; a cookie there proves nothing and is not used.
            return false;
        }
        if (path.equals("/signin") || path.startsWith("/setup/") || path.startsWith("/reset/")) {
            return true;
        }
        boolean cookieAuth = SessionCookies.read(request) != null && request.getHeader("Authorization") == null;
        return cookieAuth;
    }
}
