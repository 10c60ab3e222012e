package hk.lantau.identity.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When sessions were last seen, written in one batch a second rather than one commit per request.
 * On a morning peak every phone's first request touches its session, and that separate commit cost
 * as much as the clock-in it carried. Until written, a touch is read from here (idle checks) or
 * written on demand (lists of sessions); a touch lost in a crash only makes its session look idle
 * up to a second sooner. Writes never move a session's time backwards.
 */
@Component
public class SessionTouches implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SessionTouches.class);

    private final SessionRepository sessions;
    private final TransactionTemplate transactions;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "session-touches");
        thread.setDaemon(true);
        return thread;
    });

    SessionTouches(SessionRepository sessions, TransactionTemplate transactions) {
        this.sessions = sessions;
        this.transactions = transactions;
        writer.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** Notes that the session was seen at this time. */
    public void touch(String sessionId, Instant at) {
        pending.merge(sessionId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The later of the stored time and a touch not yet written. */
    public Instant lastSeen(String sessionId, Instant stored) {
        Instant touched = pending.get(sessionId);
        return touched != null && touched.isAfter(stored) ? touched : stored;
    }

    /** Writes every touch noted so far; a failed write keeps them for the next. */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = Map.copyOf(pending);
        transactions.executeWithoutResult(status -> sessions.touchAll(batch));
        // Only what was written goes; a newer touch of the same session stays for the next batch.
        batch.forEach(pending::remove);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Session touches not written; kept for the next try: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        writer.shutdownNow();
        flushQuietly();
    }
}
