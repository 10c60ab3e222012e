package hk.lantau.messaging.internal.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the WebSocket stream.
 *
 * @param pingInterval      how often the server sends {@code {"type":"ping"}} to every connection
 * @param idleTimeout       a connection from which nothing arrived for this long is closed (4408)
 * @param queueCapacity     frames a connection may have waiting to be sent; a live event beyond
 *                          that closes it (1013), so a slow client never holds up the others
 * @param maxFrameBytes     largest frame a client may send; a larger one closes the connection (1009)
 * @param maxFramesPerSecond frames a client may send in one second; more closes it (1008)
 * @param maxBadFrames      malformed frames answered with an error before the connection is closed (1008)
 * @param catchUpBatch      events read from the database at a time when a client catches up
 */
@ConfigurationProperties("lantau.messaging.stream")
record StreamProperties(@DefaultValue("30s") Duration pingInterval,
                        @DefaultValue("75s") Duration idleTimeout,
                        @DefaultValue("1000") int queueCapacity,
                        @DefaultValue("8192") int maxFrameBytes,
                        @DefaultValue("20") int maxFramesPerSecond,
                        @DefaultValue("5") int maxBadFrames,
                        @DefaultValue("500") int catchUpBatch) {
}
