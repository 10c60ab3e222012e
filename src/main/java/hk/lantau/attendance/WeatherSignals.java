package hk.lantau.attendance;

import java.time.Instant;
import java.util.List;

/**
 * Typhoon and rainstorm signal periods. Recording and ending one needs {@code attendance.manage};
 * each exempts the shifts it covers, both the records already made and those the daily close makes,
 * and tells the people of the organisation's attendance groups.
 */
public interface WeatherSignals {

    List<WeatherSignal> list(long tenantId, Instant from, Instant to);

    WeatherSignal record(long tenantId, NewWeatherSignal signal);

    /** Sets the end of a signal that is still up (or corrects its end). */
    WeatherSignal end(long tenantId, long signalId, Instant endsAt);
}
