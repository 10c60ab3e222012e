package hk.lantau.openplatform.internal.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rate limiter of the configured store: this node's memory, or Redis shared by all nodes. */
@Configuration(proxyBeanMethods = false)
class RateLimiterConfiguration {

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        TimeMeter time = new ClockTimeMeter(clock);
        LocalRateLimiter local = new LocalRateLimiter(time);
        if (properties.store() == RateLimitProperties.Store.MEMORY) {
            return local;
        }
        RedisRateLimiter shared = new RedisRateLimiter(redisBuckets(properties, time, clock), properties.keyPrefix(),
                local, meters);
        shared.warmUp();
        return shared;
    }

    private static RedisBuckets redisBuckets(RateLimitProperties properties, TimeMeter time, Clock clock) {
        return new RedisBuckets(properties.redisUrl(), properties.redisTimeout(), properties.redisRetry(), time,
                clock);
    }
}
