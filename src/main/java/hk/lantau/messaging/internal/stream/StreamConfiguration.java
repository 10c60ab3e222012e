package hk.lantau.messaging.internal.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    /** One node's fan-out in memory, or Redis pub/sub shared by several nodes. */
    @Bean
    Fanout fanout(FanoutProperties properties, ObjectMapper json) {
        if (properties.fanout() == FanoutProperties.Kind.REDIS) {
            RedisFanout redis = new RedisFanout(properties, json);
            redis.start();
            return redis;
        }
        return new LocalFanout();
    }
}
