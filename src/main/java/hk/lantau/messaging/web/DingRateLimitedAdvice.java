package hk.lantau.messaging.web;

import hk.lantau.messaging.DingRateLimitedException;
import hk.lantau.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A DING refused for its rate also says when to try again ({@code retryAt} and {@code Retry-After}). */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DingRateLimitedAdvice {

    private final Clock clock;

    DingRateLimitedAdvice(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(DingRateLimitedException.class)
    ResponseEntity<ProblemDetail> limited(DingRateLimitedException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(e, request);
        problem.setProperty("retryAt", e.retryAt().toString());
        Duration wait = Duration.between(clock.instant(), e.retryAt());
        // Rounded up: a client that waits exactly this long is not refused again.
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }
}
