package hk.lantau.openplatform.internal.accesslog;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequestMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every call an app makes, refused ones included: it runs after the security filters,
 * when the caller is known, and around the rate limiter, so a 429 is logged like any answer.
 */
@Component
@Order(AccessLogFilter.ORDER)
class AccessLogFilter extends OncePerRequestFilter {

    /** After Spring Security's filter chain (-100), before the rate limiter (-80). */
    static final int ORDER = -90;
    private static final int MAX_PATH = 500;

    private final AccessLogWriter writer;
    private final Clock clock;

    AccessLogFilter(AccessLogWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> app = CurrentActor.find().filter(a -> a.kind() == ActorKind.APP && a.tenantId() != null);
        if (app.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        // The databases keep microseconds; truncating here makes what is stored what was recorded.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Elapsed time for the record only; nothing behaves differently on it.
        long started = System.nanoTime();
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            int latency = (int) Math.min(Integer.MAX_VALUE,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            Actor actor = app.get();
            writer.record(new CallRecord(actor.tenantId(), actor.userId(), at, clip(request.getMethod(), 10), path(request),
                    status, latency, request.getRemoteAddr(), RequestMetadata.requestId().orElse(null)));
        }
    }

    /**
     * The matched endpoint's template, which names no ids; else (no endpoint matched, only the
     * static resources' catch-all) the path as called.
     */
    private static String path(HttpServletRequest request) {
        Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = template instanceof String t && !t.contains("**") ? t : request.getRequestURI();
        return clip(path, MAX_PATH);
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
