package hk.lantau.messaging.internal.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live events reach the other nodes.
 *
 * @param fanout       {@code local} for one node, {@code redis} for several sharing a Redis
 * @param redisUrl     the Redis whose pub/sub carries the events
 * @param redisChannel the channel name; nodes of one installation must agree on it
 * @param redisRetry   how long to wait before connecting again after Redis went away
 */
@ConfigurationProperties("lantau.messaging")
record FanoutProperties(@DefaultValue("local") Kind fanout,
                               @DefaultValue("redis://127.0.0.1:6379") String redisUrl,
                               @DefaultValue("lantau:stream") String redisChannel,
                               @DefaultValue("2s") Duration redisRetry) {

    enum Kind { LOCAL, REDIS }
}
