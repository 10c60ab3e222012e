package hk.lantau.openplatform.internal.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where rate-limit buckets live and the limits that are not set per app.
 *
 * @param store                  {@code memory} (one node) or {@code redis} (several nodes share the buckets)
 * @param redisUrl               the Redis server of the {@code redis} store
 * @param keyPrefix              prepended to every bucket key in Redis, so installations can share a server
 * @param redisTimeout           how long a call waits for Redis before it is limited on this node instead
 * @param redisRetry             how long after a failed connection attempt the next one is made
 * @param tokenRequestsPerMinute token requests one source address may make a minute
 * @param appLimitCacheTtl       how long a node keeps an app's limit before reading it again
 */
@ConfigurationProperties("lantau.rate-limit")
record RateLimitProperties(@DefaultValue("memory") Store store,
                           @DefaultValue("redis://127.0.0.1:6379") String redisUrl,
                           @DefaultValue("lantau:rate-limit:") String keyPrefix,
                           @DefaultValue("250ms") Duration redisTimeout,
                           @DefaultValue("5s") Duration redisRetry,
                           @DefaultValue("30") int tokenRequestsPerMinute,
                           @DefaultValue("30s") Duration appLimitCacheTtl) {

    enum Store {
        MEMORY, REDIS
    }

    @Override
    public String toString() {
        // The Redis URL may carry a password.
        return "RateLimitProperties[store=" + store + ", keyPrefix=" + keyPrefix + ", tokenRequestsPerMinute="
                + tokenRequestsPerMinute + "]";
    }
}
