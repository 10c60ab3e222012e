package hk.lantau.attendance;

import java.time.Instant;

/** A weather signal period to record; {@code endsAt} may be left out while the signal is up. */
public record NewWeatherSignal(WeatherSignalType type, Instant startsAt, Instant endsAt, String note) {
}
