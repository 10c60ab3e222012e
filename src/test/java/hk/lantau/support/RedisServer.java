package hk.lantau.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/**
 * A Redis server of a test's own, on a free loopback port, for tests that stop and restart Redis
 * under a running application. Tests that only need a Redis use the machine's on 127.0.0.1:6379.
 * It needs {@code redis-server} on the PATH, which {@code .ci/run} installs.
 */
public final class RedisServer implements AutoCloseable {

    public static final String MACHINE_URL = "redis://127.0.0.1:6379";

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    public static RedisServer start() {
        RedisServer server = new RedisServer(freePort());
        server.restart();
        return server;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server again on the same port after {@link #stop()}. */
    public void restart() {
        try {
            process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server is needed on the PATH (.ci/run installs it)", e);
        }
        awaitListening(true);
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            process = null;
        }
        awaitListening(false);
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitListening(boolean listening) {
        Polling.until("redis-server on port " + port + (listening ? " starts" : " stops"), Duration.ofSeconds(20),
                Duration.ofMillis(50), () -> listens() == listening);
    }

    private boolean listens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nothing listens on: for a Redis that is not there. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
