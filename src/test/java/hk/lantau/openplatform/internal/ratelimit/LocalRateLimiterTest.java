package hk.lantau.openplatform.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bucket shape and the headers' figures, on this node's memory, with time moved by hand. */
class LocalRateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new LocalRateLimiter(new ClockTimeMeter(clock));

    @Test
    void allowsTheLimitInAWindowThenRefusesUntilItEnds() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            Decision decision = limiter.tryConsume("app:a", 3);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.limit()).isEqualTo(3);
            assertThat(decision.remaining()).isEqualTo(remaining);
            assertThat(decision.resetSeconds()).isEqualTo(60);
            assertThat(decision.retryAfterSeconds()).isZero();
        }
        Decision refused = limiter.tryConsume("app:a", 3);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(60);

        clock.advance(Duration.ofSeconds(45));
        Decision stillRefused = limiter.tryConsume("app:a", 3);
        assertThat(stillRefused.allowed()).isFalse();
        assertThat(stillRefused.retryAfterSeconds()).isEqualTo(15);
        assertThat(stillRefused.resetSeconds()).isEqualTo(15);

        clock.advance(Duration.ofSeconds(15));
        Decision refilled = limiter.tryConsume("app:a", 3);
        assertThat(refilled.allowed()).isTrue();
        assertThat(refilled.remaining()).isEqualTo(2);
        assertThat(refilled.resetSeconds()).isEqualTo(60);
    }

    @Test
    void roundsPartialSecondsUpSoAClientWaitingThatLongIsNeverEarly() {
        limiter.tryConsume("app:b", 1);
        clock.advance(Duration.ofMillis(59_001));
        Decision refused = limiter.tryConsume("app:b", 1);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.tryConsume("app:b", 1).allowed()).isTrue();
    }

    @Test
    void keepsSubjectsApartAndStartsAFreshWindowWhenTheLimitChanges() {
        assertThat(limiter.tryConsume("app:c", 1).allowed()).isTrue();
        assertThat(limiter.tryConsume("app:c", 1).allowed()).isFalse();
        assertThat(limiter.tryConsume("app:d", 1).allowed()).isTrue();
        assertThat(limiter.tryConsume("ip:127.0.0.1", 1).allowed()).isTrue();

        Decision raised = limiter.tryConsume("app:c", 5);
        assertThat(raised.allowed()).isTrue();
        assertThat(raised.limit()).isEqualTo(5);
        assertThat(raised.remaining()).isEqualTo(4);
    }

    @Test
    void aBucketIdleLongerThanTwoWindowsStartsFull() {
        limiter.tryConsume("app:e", 2);
        limiter.tryConsume("app:e", 2);
        clock.advance(Duration.ofMinutes(5));
        Decision decision = limiter.tryConsume("app:e", 2);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.remaining()).isEqualTo(1);
        assertThat(decision.resetSeconds()).isEqualTo(60);
    }
}
