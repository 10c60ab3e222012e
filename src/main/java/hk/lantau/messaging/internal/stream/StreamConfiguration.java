package hk.lantau.messaging.internal.stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    /** One node's fan-out, unless a shared one (Redis) is configured. */
    @Bean
    @ConditionalOnMissingBean(Fanout.class)
    Fanout localFanout() {
        return new LocalFanout();
    }
}
