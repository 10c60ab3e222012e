package hk.lantau.compat.internal.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DingTalk's Stream mode.
 *
 * @param endpoint       the WebSocket address handed to clients, {@code wss://host:port/connect} with
 *                       an explicit port (DingTalk's Java client needs it); when absent, the TLS
 *                       connector's port on the host the client called
 * @param ticketLifetime how long a ticket may wait before it is used
 * @param redeliverAfter a message sent but not acknowledged (or answered {@code LATER}) is sent
 *                       again after this long
 * @param activeFor      apps that opened a connection within this period count as using Stream
 *                       mode and have events queued for them
 * @param retention      undelivered messages older than this are purged
 * @param sweepInterval  how often each node sends due messages to the connections it holds
 * @param checkInterval  how often each node checks that its connections' apps may still connect
 * @param pingInterval   how often each connection gets a {@code SYSTEM ping}
 * @param tls            the optional TLS connector serving {@code /connect}
 */
@ConfigurationProperties("lantau.compat.stream")
record DingStreamProperties(String endpoint,
                        @DefaultValue("120s") Duration ticketLifetime,
                        @DefaultValue("60s") Duration redeliverAfter,
                        @DefaultValue("7d") Duration activeFor,
                        @DefaultValue("3d") Duration retention,
                        @DefaultValue("2s") Duration sweepInterval,
                        @DefaultValue("30s") Duration checkInterval,
                        @DefaultValue("30s") Duration pingInterval,
                        @DefaultValue Tls tls) {

    /** The largest frame either side may send, as DingTalk's client allows. */
    static final int MAX_FRAME_BYTES = 256 * 1024;

    /**
     * A second connector with TLS, off unless {@code port} is set (0 picks a free port).
     *
     * @param keystore a PKCS #12 (or JKS) file with the server's key and certificate
     */
    record Tls(Integer port, String keystore, String password, @DefaultValue("PKCS12") String keystoreType) {

        boolean enabled() {
            return port != null;
        }

        @Override
        public String toString() {
            return "Tls[port=" + port + ", keystore=" + keystore + ", keystoreType=" + keystoreType + "]";
        }
    }
}
