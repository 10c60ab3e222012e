package hk.lantau.attendance;

import java.time.Instant;

/** A recorded weather signal period; {@code endsAt} is {@code null} while the signal is still up. */
public record WeatherSignal(long id, WeatherSignalType type, Instant startsAt, Instant endsAt, String note,
                            String recordedBy) {
}
