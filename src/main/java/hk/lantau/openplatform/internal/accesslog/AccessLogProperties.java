package hk.lantau.openplatform.internal.accesslog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API access log's settings.
 *
 * @param accessLogRetention     how long a call's record is kept
 * @param accessLogQueueCapacity calls a node holds in memory before writing them; beyond that new
 *                               records are dropped and counted rather than slow the API down
 */
@ConfigurationProperties("lantau.openplatform")
record AccessLogProperties(@DefaultValue("90d") Duration accessLogRetention,
                           @DefaultValue("10000") int accessLogQueueCapacity) {
}
