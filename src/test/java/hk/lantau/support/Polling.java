package hk.lantau.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for something outside the test to happen (a background write, a server starting), with a
 * deadline. Never for time itself to pass: tests move the clock for that.
 */
public final class Polling {

    private Polling() {
    }

    /** Checks every {@code every} until {@code condition} holds; fails naming {@code what} after {@code within}. */
    public static void until(String what, Duration within, Duration every, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + within + ": " + what);
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(30), Duration.ofMillis(100), condition);
    }
}
