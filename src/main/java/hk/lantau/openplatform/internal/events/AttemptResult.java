package hk.lantau.openplatform.internal.events;

import java.time.Instant;

/** What one attempt found: a 2xx answer, another status, or an error without an answer. */
record AttemptResult(ClaimedDelivery delivery, Instant attemptedAt, boolean succeeded, Integer status, String error,
                     int latencyMs, String responseBody) {

    /** An attempt that never reached the receiver. */
    static AttemptResult refused(ClaimedDelivery delivery, Instant at, String error) {
        return new AttemptResult(delivery, at, false, null, error, 0, null);
    }
}
