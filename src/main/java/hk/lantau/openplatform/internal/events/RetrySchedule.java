package hk.lantau.openplatform.internal.events;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with full jitter (a random delay
 * between one second and a ceiling that doubles with each failure up to a cap), until the
 * delivery's deadline, at which one last attempt is made.
 */
final class RetrySchedule {

    private static final Duration MIN_DELAY = Duration.ofSeconds(1);

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    RetrySchedule(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The backoff ceiling after {@code failures} failed attempts (1 for the first). */
    Duration ceiling(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration ceiling = base.multipliedBy(1L << doublings);
        return ceiling.compareTo(cap) > 0 ? cap : ceiling;
    }

    /** The next attempt after a failure at {@code at}, never later than {@code giveUpAt}. */
    Instant next(int failures, Instant at, Instant giveUpAt) {
        long ceilingMillis = ceiling(failures).toMillis();
        long delay = Math.max(MIN_DELAY.toMillis(), random.nextLong(ceilingMillis + 1));
        Instant next = at.plusMillis(delay);
        return next.isAfter(giveUpAt) ? giveUpAt : next;
    }

    /** A failure at or after the deadline ends the delivery. */
    static boolean exhausted(Instant at, Instant giveUpAt) {
        return !at.isBefore(giveUpAt);
    }
}
