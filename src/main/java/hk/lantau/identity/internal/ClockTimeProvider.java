package hk.lantau.identity.internal;

import dev.samstevens.totp.time.TimeProvider;
import java.time.Clock;

/** The TOTP library's time source, read from the application's clock so tests can move it. */
final class ClockTimeProvider implements TimeProvider {

    private final Clock clock;

    ClockTimeProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long getTime() {
        return clock.instant().getEpochSecond();
    }
}
