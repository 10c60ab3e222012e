package hk.lantau.identity.web;

import hk.lantau.identity.AccountLockedException;
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

/** A locked account's problem also says when it unlocks ({@code unlockAt} and {@code Retry-After}). */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountLockedAdvice {

    private final Clock clock;

    AccountLockedAdvice(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(AccountLockedException.class)
    ResponseEntity<ProblemDetail> locked(AccountLockedException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(e, request);
        problem.setProperty("unlockAt", e.unlockAt().toString());
        long seconds = Math.max(1, Duration.between(clock.instant(), e.unlockAt()).toSeconds());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }
}
