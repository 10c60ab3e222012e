package hk.lantau.messaging.internal.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each person's stream keeps events for clients that reconnect. A client that comes back
 * later than that is told to reload instead of catching up.
 */
@ConfigurationProperties("lantau.messaging.stream")
record RetentionProperties(@DefaultValue("30d") Duration retention) {
}
