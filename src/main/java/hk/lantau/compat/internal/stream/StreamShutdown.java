package hk.lantau.compat.internal.stream;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends {@code disconnect} to every connection when the server stops, before the web server closes
 * its sockets (the latest lifecycle phase stops first), so clients reconnect to another node.
 */
@Component
class StreamShutdown implements SmartLifecycle {

    private final DingStreamHub hub;
    private volatile boolean running;

    StreamShutdown(DingStreamHub hub) {
        this.hub = hub;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (DingStreamConnection connection : hub.connections()) {
            hub.disconnect(connection, "server shutting down");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
