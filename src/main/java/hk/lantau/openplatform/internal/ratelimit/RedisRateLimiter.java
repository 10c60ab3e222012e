package hk.lantau.openplatform.internal.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets shared by all nodes through Redis. When Redis does not answer, the call is limited by
 * this node's own buckets instead (fail open to a per-node limit, ADR 0010): the API stays up, and
 * each node still holds every app to its limit. The switch is logged once each way and every
 * failed call counts in {@code lantau.rate_limit.store.failures}.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    private final RedisBuckets redis;
    private final String keyPrefix;
    private final RateLimiter fallback;
    private final Counter failures;
    private final AtomicBoolean available = new AtomicBoolean(true);

    RedisRateLimiter(RedisBuckets redis, String keyPrefix, RateLimiter fallback, MeterRegistry meters) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.fallback = fallback;
        this.failures = Counter.builder("lantau.rate_limit.store.failures")
                .description("Rate-limit calls that Redis did not answer; they were limited per node")
                .tag("store", "redis").register(meters);
        Gauge.builder("lantau.rate_limit.store.available", available, a -> a.get() ? 1 : 0)
                .description("1 while the shared rate-limit store answers, 0 while nodes limit on their own")
                .tag("store", "redis").register(meters);
    }

    @Override
    public Decision tryConsume(String key, int limitPerMinute) {
        try {
            Decision decision = Decision.of(redis.manager().builder()
                    .build(keyPrefix + Buckets.key(key, limitPerMinute), () -> Buckets.perMinute(limitPerMinute))
                    .tryConsumeAndReturnRemaining(1), limitPerMinute);
            if (available.compareAndSet(false, true)) {
                log.info("The shared rate-limit store answers again; limits hold across nodes.");
            }
            return decision;
        } catch (RuntimeException e) {
            failures.increment();
            unavailable(e);
            return fallback.tryConsume(key, limitPerMinute);
        }
    }

    /**
     * Connects and reads once at start-up, so the first calls do not pay for the connection and for
     * loading the code on their own timeout. A Redis that is not there yet is tried again on use.
     */
    void warmUp() {
        try {
            redis.manager().getProxyConfiguration(keyPrefix + "warm-up");
        } catch (RuntimeException e) {
            unavailable(e);
        }
    }

    private void unavailable(RuntimeException e) {
        if (available.compareAndSet(true, false)) {
            log.warn("The shared rate-limit store does not answer ({}); each node limits calls on its own "
                    + "until it does.", e.toString());
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
