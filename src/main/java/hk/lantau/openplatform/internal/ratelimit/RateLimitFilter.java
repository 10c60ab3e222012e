package hk.lantau.openplatform.internal.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.openplatform.RateLimitAnswers;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits every call an app makes, and token requests per source address. It runs after the
 * security filters, when the caller is known, and before anything else of the request: a refused
 * call (429 {@code openplatform.rate_limited}) does nothing. Every limited response carries
 * {@code X-RateLimit-Limit} (calls per minute), {@code X-RateLimit-Remaining} (calls left in the
 * current window) and {@code X-RateLimit-Reset} (seconds until the window ends and Remaining is
 * back to Limit); a refusal adds {@code Retry-After} in seconds.
 */
@Component
@Order(RateLimitFilter.ORDER)
class RateLimitFilter extends OncePerRequestFilter {

    /** After Spring Security's filter chain (-100), inside the access log's filter. */
    static final int ORDER = -80;
    static final String TOKEN_PATH = "/api/v1/oauth/token";

    private final RateLimiter limiter;
    private final AppLimits appLimits;
    private final RateLimitProperties properties;
    private final ObjectMapper json;
    private final Counter appRefusals;
    private final Counter tokenRefusals;
    private final List<RateLimitAnswers> families;

    RateLimitFilter(RateLimiter limiter, AppLimits appLimits, RateLimitProperties properties, ObjectMapper json,
                    MeterRegistry meters, List<RateLimitAnswers> families) {
        this.families = List.copyOf(families);
        this.limiter = limiter;
        this.appLimits = appLimits;
        this.properties = properties;
        this.json = json;
        this.appRefusals = refusals(meters, "app");
        this.tokenRefusals = refusals(meters, "token");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitAnswers family = familyOf(request);
        boolean tokenRequest = family == null ? isTokenRequest(request) : family.tokenRequest(request);
        Optional<Actor> app = tokenRequest ? Optional.empty()
                : CurrentActor.find().filter(a -> a.kind() == ActorKind.APP && a.tenantId() != null);
        if (!tokenRequest && app.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Decision decision;
        if (tokenRequest) {
            decision = limiter.tryConsume("ip:" + request.getRemoteAddr(), properties.tokenRequestsPerMinute());
        } else {
            Actor actor = app.get();
            decision = limiter.tryConsume("app:" + actor.userId(),
                    appLimits.perMinute(actor.tenantId(), actor.userId()));
        }
        response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        (tokenRequest ? tokenRefusals : appRefusals).increment();
        if (family != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            family.refuse(request, response, decision.limit(), decision.retryAfterSeconds());
            return;
        }
        refuse(request, response, decision, tokenRequest);
    }

    private RateLimitAnswers familyOf(HttpServletRequest request) {
        for (RateLimitAnswers family : families) {
            if (family.answers(request)) {
                return family;
            }
        }
        return null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Decision decision,
                        boolean tokenRequest) throws IOException {
        String detail = tokenRequest
                ? "Too many token requests from this address: " + decision.limit() + " a minute are allowed."
                : "This app may make " + decision.limit() + " calls a minute.";
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                "openplatform.rate_limited", detail + " Try again in " + decision.retryAfterSeconds() + " s.",
                List.of(), request));
    }

    private static boolean isTokenRequest(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && TOKEN_PATH.equals(request.getRequestURI());
    }

    private static Counter refusals(MeterRegistry meters, String limit) {
        return Counter.builder("lantau.rate_limit.refused")
                .description("Calls refused with 429 because their bucket was empty")
                .tag("limit", limit).register(meters);
    }
}
