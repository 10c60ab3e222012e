package hk.lantau.openplatform.internal.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.TimeUnit;

/**
 * The outcome of one call against its bucket.
 *
 * @param remaining         calls left in the current window after this one
 * @param resetSeconds      seconds until the window ends and {@code remaining} is back to {@code limit}
 * @param retryAfterSeconds for a refused call, seconds until a call can succeed again; else 0
 */
record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    static Decision of(ConsumptionProbe probe, long limit) {
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, limit, probe.getRemainingTokens(), reset, 0);
        }
        return new Decision(false, limit, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Whole seconds, rounded up so that a client waiting that long is never early. */
    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
