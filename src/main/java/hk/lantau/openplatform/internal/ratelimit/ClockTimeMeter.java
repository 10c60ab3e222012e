package hk.lantau.openplatform.internal.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * Bucket time from the application's clock, so a test that moves the clock sees a window refill.
 * Wall-clock based: in Redis, buckets are computed by whichever node serves the call, so the
 * nodes' clocks must agree (NTP), as they must for sessions and tokens anyway.
 */
final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
