package hk.lantau.openplatform.internal.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bucket4j's compare-and-swap buckets in Redis over one shared Lettuce connection. The connection
 * is made on first use and, after a failed attempt, again at most every {@code retry}; once made,
 * Lettuce reconnects by itself. While it is down commands fail at once instead of queueing, so a
 * call never waits longer than {@code timeout} for Redis.
 */
final class RedisBuckets implements AutoCloseable {

    private final RedisClient client;
    private final TimeMeter time;
    private final Clock clock;
    private final Duration timeout;
    private final Duration retry;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile Instant nextAttempt = Instant.MIN;

    RedisBuckets(String url, Duration timeout, Duration retry, TimeMeter time, Clock clock) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(4)).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.time = time;
        this.clock = clock;
        this.timeout = timeout;
        this.retry = retry;
    }

    /** The proxy manager, connecting first if needed. */
    ProxyManager<String> manager() {
        ProxyManager<String> current = buckets;
        if (current != null) {
            return current;
        }
        if (clock.instant().isBefore(nextAttempt) || !connecting.tryLock()) {
            throw new IllegalStateException("not connected to Redis");
        }
        try {
            if (buckets == null) {
                connect();
            }
            return buckets;
        } finally {
            connecting.unlock();
        }
    }

    private void connect() {
        try {
            StatefulRedisConnection<String, byte[]> made =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            connection = made;
            buckets = Bucket4jLettuce.casBasedBuilder(made)
                    .clientClock(time)
                    .requestTimeout(timeout)
                    // A key lives until its bucket would be full again, plus a little.
                    .expirationAfterWrite(ExpirationAfterWriteStrategy
                            .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build();
        } catch (RuntimeException e) {
            nextAttempt = clock.instant().plus(retry);
            throw e;
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
