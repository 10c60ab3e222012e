package hk.lantau.attendance.internal;

import hk.lantau.attendance.WeatherSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which shifts a signal covers: those that end after it starts and start before it is cancelled
 * plus the organisation's report-for-duty hours (or at any time while it is still up).
 */
final class WeatherRule {

    private WeatherRule() {
    }

    static boolean covers(WeatherSignal signal, Instant shiftOn, Instant shiftOff, int reportHours) {
        Instant coverEnd = coverEnd(signal, reportHours);
        return shiftOff.isAfter(signal.startsAt()) && (coverEnd == null || shiftOn.isBefore(coverEnd));
    }

    static boolean anyCovers(List<WeatherSignal> signals, Instant shiftOn, Instant shiftOff, int reportHours) {
        return signals.stream().anyMatch(s -> covers(s, shiftOn, shiftOff, reportHours));
    }

    /** The end of cover: cancellation plus the report-for-duty hours; {@code null} while the signal is up. */
    static Instant coverEnd(WeatherSignal signal, int reportHours) {
        return signal.endsAt() == null ? null : signal.endsAt().plus(Duration.ofHours(reportHours));
    }
}
