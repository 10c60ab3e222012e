package hk.lantau.openplatform.internal.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one bucket shape: {@code limit} calls, all of them back at the end of each one-minute
 * window. The window starts with the first call of an idle bucket, so a client sees at most
 * {@code limit} calls in any window and learns exactly when the next one starts.
 */
final class Buckets {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final Map<Integer, BucketConfiguration> CONFIGURATIONS = new ConcurrentHashMap<>();

    private Buckets() {
    }

    static BucketConfiguration perMinute(int limit) {
        return CONFIGURATIONS.computeIfAbsent(limit, l -> BucketConfiguration.builder()
                .addLimit(b -> b.capacity(l).refillIntervally(l, WINDOW))
                .build());
    }

    static String key(String subject, int limit) {
        return subject + ":" + limit;
    }
}
