package hk.lantau.messaging.internal.realtime;

import hk.lantau.messaging.StreamedEvent;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One client's socket: what it has been sent, what waits to be sent, and what it still has to
 * catch up on. Every frame goes through one bounded queue and is written asynchronously, one at a
 * time, so no thread ever waits for a client. Events reach the queue strictly in sequence: a live
 * event that arrives ahead of one still missing waits in {@code pending} while the gap is read
 * from the database on a worker thread, and catching up reads only as fast as the client takes it.
 * The container is only ever called outside this object's lock, so its own locks cannot deadlock
 * with ours.
 */
final class StreamConnection {

    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);
    /** How long a frame being written may take before the socket is cut off. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final WebSocketSession session;
    private final RemoteEndpoint.Async remote;
    private final StreamPerson person;
    private final StreamHub hub;
    private final int capacity;

    // Guarded by this.
    private final ArrayDeque<String> outbound = new ArrayDeque<>();
    private final TreeMap<Long, String> pending = new TreeMap<>();
    private boolean started;
    private boolean closed;
    /** A frame is being written; the next waits for the container's callback. */
    private boolean sending;
    /** A thread is handing frames to the container. */
    private boolean pumping;
    private boolean working;
    /** Why the connection is closing, once it is; the socket is closed when no frame is on its way. */
    private CloseStatus closing;
    private boolean socketClosed;
    /** The sequence of the last event queued for the client. */
    private long delivered;
    /** The highest sequence known to exist in the person's stream. */
    private long known;

    private volatile Instant lastHeard;
    // Touched by the container's thread for this socket only: inbound frames arrive one at a time.
    private long windowStart;
    private int framesInWindow;
    private int badFrames;

    StreamConnection(WebSocketSession session, RemoteEndpoint.Async remote, StreamPerson person, StreamHub hub,
                     int capacity, Instant now) {
        this.session = session;
        this.remote = remote;
        this.person = person;
        this.hub = hub;
        this.capacity = capacity;
        this.lastHeard = now;
    }

    StreamPerson person() {
        return person;
    }

    synchronized boolean started() {
        return started;
    }

    /** Sends hello and begins with the events after {@code since}; {@code last} is the stream's newest sequence. */
    void start(long since, long last) {
        synchronized (this) {
            if (closed || started) {
                return;
            }
            started = true;
            outbound.add(Frames.hello(last));
            known = Math.max(known, last);
            if (since > last) {
                // The client counts from a stream this server never had (another installation, a restored backup).
                resetTo(known);
            } else {
                delivered = since;
                pending.headMap(delivered, true).clear();
            }
            advance();
        }
        pump();
    }

    /** A committed event for this person, from the fan-out: never blocks. */
    void onLive(long seq, String tail) {
        synchronized (this) {
            if (closed || started && seq <= delivered) {
                return;
            }
            if (started && outbound.size() >= capacity) {
                closed = true;
            } else if (started && seq == delivered + 1 && known == delivered && pending.isEmpty()) {
                outbound.add(Frames.event(seq, tail));
                delivered = seq;
                known = seq;
            } else {
                known = Math.max(known, seq);
                if (pending.size() < capacity) {
                    pending.put(seq, Frames.event(seq, tail));
                }
                // Otherwise the database serves it when its turn comes.
                if (started) {
                    advance();
                }
            }
        }
        afterQueueing();
    }

    /** A frame of the server's own (hello aside): pong, ping, error. */
    void send(String frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (outbound.size() >= capacity) {
                closed = true;
            } else {
                outbound.add(frame);
            }
        }
        afterQueueing();
    }

    /** Sends what was queued, or closes the connection if the queue was full. */
    private void afterQueueing() {
        boolean slow;
        synchronized (this) {
            slow = closed && closing == null;
        }
        if (slow) {
            hub.countSlow();
            close(StreamCloses.TOO_SLOW);
        } else {
            pump();
        }
    }

    /** Queues what can be queued in order, and has the rest read from the database unless that is under way. */
    private void advance() {
        drainPending();
        if (!working && delivered < known && outbound.size() < capacity / 2) {
            working = true;
            hub.catchUp(this);
        }
    }

    private void drainPending() {
        while (!pending.isEmpty() && pending.firstKey() <= delivered + 1) {
            Map.Entry<Long, String> next = pending.pollFirstEntry();
            if (next.getKey() == delivered + 1) {
                outbound.add(next.getValue());
                delivered = next.getKey();
            }
        }
    }

    /** Runs on a worker: reads missed events batch by batch while the client keeps up. */
    void catchUp(int batch) {
        while (true) {
            long from;
            synchronized (this) {
                drainPending();
                if (closed || delivered >= known || outbound.size() >= capacity / 2) {
                    working = false;
                    break;
                }
                from = delivered;
            }
            pump();
            List<StreamedEvent> events = hub.read(person, from, Math.min(batch, capacity / 2 + 1));
            synchronized (this) {
                if (closed) {
                    working = false;
                    return;
                }
                if (events.isEmpty() || events.get(0).seq() != delivered + 1) {
                    // What the client asks for was dropped by retention: it must reload instead.
                    resetTo(known);
                } else {
                    for (StreamedEvent event : events) {
                        if (event.seq() == delivered + 1) {
                            outbound.add(Frames.event(event.seq(), hub.tail(event)));
                            delivered = event.seq();
                            known = Math.max(known, delivered);
                        }
                    }
                }
            }
        }
        pump();
    }

    private void resetTo(long last) {
        outbound.add(Frames.reset(last));
        delivered = last;
        known = Math.max(known, last);
        pending.headMap(delivered, true).clear();
    }

    /**
     * Hands queued frames to the container one at a time. Only one thread pumps; a callback that
     * arrives meanwhile leaves the next frame to it.
     */
    private void pump() {
        synchronized (this) {
            if (pumping) {
                return;
            }
            pumping = true;
        }
        while (true) {
            String frame;
            synchronized (this) {
                if (sending || closed || outbound.isEmpty()) {
                    pumping = false;
                    return;
                }
                frame = outbound.poll();
                sending = true;
            }
            try {
                remote.sendText(frame, this::sent);
            } catch (RuntimeException e) {
                // The socket went away under us; the container reports the close.
                log.debug("Stream frame not sent to {}: {}", person, e.toString());
                synchronized (this) {
                    closed = true;
                    sending = false;
                    pumping = false;
                }
                return;
            }
        }
    }

    private void sent(SendResult result) {
        CloseStatus closeNow;
        synchronized (this) {
            sending = false;
            closeNow = closing;
            if (!result.isOK()) {
                closed = true;
                outbound.clear();
            } else if (!working && delivered < known && outbound.size() < capacity / 4) {
                advance();
            }
        }
        if (closeNow != null) {
            closeSocket(closeNow);
        } else {
            pump();
        }
    }

    // Inbound, on the container's thread.

    void heard(Instant now) {
        lastHeard = now;
    }

    Instant lastHeard() {
        return lastHeard;
    }

    /** Counts a frame against the per-second limit; false when the client sends too fast. */
    boolean withinRate(long nanos, int perSecond) {
        if (framesInWindow == 0 || nanos - windowStart >= 1_000_000_000L) {
            windowStart = nanos;
            framesInWindow = 0;
        }
        return ++framesInWindow <= perSecond;
    }

    /** Counts a malformed frame; false once there were too many. */
    boolean tolerateBadFrame(int allowed) {
        return ++badFrames <= allowed;
    }

    /**
     * Closes the socket without waiting for it; further events and frames are dropped. A frame
     * still being written goes first, so the close frame (and its code) can follow it; a client
     * that takes none of it within the send timeout is cut off.
     */
    void close(CloseStatus status) {
        boolean now;
        synchronized (this) {
            if (closing != null) {
                return;
            }
            closed = true;
            closing = status;
            outbound.clear();
            pending.clear();
            now = !sending;
        }
        hub.forget(this);
        if (now) {
            closeSocket(status);
        } else {
            hub.closeLater(() -> closeSocket(status), SEND_TIMEOUT);
        }
    }

    private void closeSocket(CloseStatus status) {
        synchronized (this) {
            if (socketClosed) {
                return;
            }
            socketClosed = true;
        }
        hub.closeLater(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException e) {
                log.debug("Stream of {} closed uncleanly: {}", person, e.toString());
            }
        }, Duration.ZERO);
    }
}
