package hk.lantau.openplatform.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.MutableClock;
import hk.lantau.support.Polling;
import hk.lantau.support.RedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Buckets in a real Redis, shared by several limiters as by several nodes; and what a node does
 * when Redis does not answer.
 */
class RedisRateLimiterTest {

    /** Generous, so a busy machine cannot make a limiter fall back to its own buckets where a test expects Redis. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock();
    private final String prefix = "lantau-test:" + UUID.randomUUID() + ":";
    private final List<RedisRateLimiter> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RedisRateLimiter::close);
    }

    @Test
    void nodesShareOneBucketPerSubject() {
        RateLimiter nodeA = limiter(RedisServer.MACHINE_URL, new SimpleMeterRegistry());
        RateLimiter nodeB = limiter(RedisServer.MACHINE_URL, new SimpleMeterRegistry());
        for (int call = 0; call < 4; call++) {
            Decision decision = (call % 2 == 0 ? nodeA : nodeB).tryConsume("app:shared", 4);
            assertThat(decision.allowed()).as("call %d", call + 1).isTrue();
            assertThat(decision.remaining()).isEqualTo(3 - call);
            assertThat(decision.resetSeconds()).isEqualTo(60);
        }
        Decision refusedOnA = nodeA.tryConsume("app:shared", 4);
        Decision refusedOnB = nodeB.tryConsume("app:shared", 4);
        assertThat(refusedOnA.allowed()).isFalse();
        assertThat(refusedOnB.allowed()).isFalse();
        assertThat(refusedOnB.retryAfterSeconds()).isEqualTo(60);

        clock.advance(Duration.ofSeconds(60));
        assertThat(nodeB.tryConsume("app:shared", 4).remaining()).isEqualTo(3);
        assertThat(nodeA.tryConsume("app:shared", 4).remaining()).isEqualTo(2);
    }

    @Test
    void anUnreachableRedisLimitsOnEachNodeAndCountsTheFailures() {
        MeterRegistry meters = new SimpleMeterRegistry();
        RateLimiter limiter = limiter("redis://127.0.0.1:" + RedisServer.freePort(), meters);

        assertThat(limiter.tryConsume("app:x", 2).allowed()).isTrue();
        Decision second = limiter.tryConsume("app:x", 2);
        assertThat(second.allowed()).isTrue();
        assertThat(second.remaining()).isZero();
        Decision third = limiter.tryConsume("app:x", 2);
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isEqualTo(60);

        assertThat(failures(meters)).isEqualTo(3);
        assertThat(available(meters)).isZero();
    }

    @Test
    void keepsServingWhileRedisIsDownAndSharesBucketsAgainWhenItIsBack() {
        MeterRegistry metersA = new SimpleMeterRegistry();
        MeterRegistry metersB = new SimpleMeterRegistry();
        try (RedisServer redis = RedisServer.start()) {
            RateLimiter nodeA = limiter(redis.url(), metersA);
            RateLimiter nodeB = limiter(redis.url(), metersB);
            assertThat(nodeA.tryConsume("app:y", 10).remaining()).isEqualTo(9);
            assertThat(nodeB.tryConsume("app:y", 10).remaining()).isEqualTo(8);

            redis.stop();
            Decision alone = nodeA.tryConsume("app:y", 10);
            assertThat(alone.allowed()).isTrue();
            assertThat(alone.remaining()).as("this node's own bucket").isEqualTo(9);
            assertThat(failures(metersA)).isEqualTo(1);
            assertThat(available(metersA)).isZero();

            redis.restart();
            awaitShared(nodeA, metersA);
            awaitShared(nodeB, metersB);
            assertThat(available(metersA)).isEqualTo(1);
            assertThat(nodeA.tryConsume("app:z", 10).remaining()).isEqualTo(9);
            assertThat(nodeB.tryConsume("app:z", 10).remaining()).as("shared again").isEqualTo(8);
        }
    }

    private RedisRateLimiter limiter(String url, MeterRegistry meters) {
        ClockTimeMeter time = new ClockTimeMeter(clock);
        RedisRateLimiter limiter = new RedisRateLimiter(new RedisBuckets(url, TIMEOUT, Duration.ofSeconds(5), time,
                clock), prefix, new LocalRateLimiter(time), meters);
        opened.add(limiter);
        return limiter;
    }

    private static double failures(MeterRegistry meters) {
        return meters.get("lantau.rate_limit.store.failures").counter().count();
    }

    private static double available(MeterRegistry meters) {
        return meters.get("lantau.rate_limit.store.available").gauge().value();
    }

    /** Waits until Lettuce has reconnected in the background and calls reach Redis again. */
    private static void awaitShared(RateLimiter limiter, MeterRegistry meters) {
        int[] probe = {0};
        Polling.until("Redis answers again", () -> {
            double before = failures(meters);
            limiter.tryConsume("probe:" + probe[0]++, 10);
            return failures(meters) == before;
        });
    }
}
