package hk.lantau.openplatform.internal.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * Buckets in this node's memory. An idle bucket is dropped after two windows, by which time it
 * would be full again anyway, so dropping it changes nothing for the client.
 */
final class LocalRateLimiter implements RateLimiter {

    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    LocalRateLimiter(TimeMeter time) {
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Buckets.WINDOW.multipliedBy(2))
                .ticker(time::currentTimeNanos)
                .maximumSize(1_000_000)
                // Housekeeping on the calling thread: handing it to a pool costs more than doing it.
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Decision tryConsume(String key, int limitPerMinute) {
        Bucket bucket = buckets.get(Buckets.key(key, limitPerMinute), k -> Bucket.builder()
                .addLimit(Buckets.perMinute(limitPerMinute).getBandwidths()[0])
                .withCustomTimePrecision(time)
                .build());
        return Decision.of(bucket.tryConsumeAndReturnRemaining(1), limitPerMinute);
    }
}
