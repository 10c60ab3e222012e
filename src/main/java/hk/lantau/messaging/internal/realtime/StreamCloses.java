package hk.lantau.messaging.internal.realtime;

import org.springframework.web.socket.CloseStatus;

/** The close codes the stream uses, with the reasons clients see (docs/realtime.md lists them). */
final class StreamCloses {

    static final CloseStatus TOO_SLOW = new CloseStatus(1013, "Too slow: events were waiting; reconnect with since");
    static final CloseStatus TOO_FAST = new CloseStatus(1008, "Too many frames per second");
    static final CloseStatus BAD_FRAMES = new CloseStatus(1008, "Too many malformed frames");
    static final CloseStatus SESSION_ENDED = new CloseStatus(4401, "Session ended; sign in again");
    static final CloseStatus IDLE = new CloseStatus(4408, "Nothing heard from the client for too long");
    static final CloseStatus SHUTDOWN = new CloseStatus(1001, "Server shutting down; reconnect with since");

    private StreamCloses() {
    }
}
