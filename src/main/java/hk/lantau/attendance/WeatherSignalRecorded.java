package hk.lantau.attendance;

import java.time.Instant;

/** A weather signal period was recorded or its end set; {@code exempted} records were marked. */
public record WeatherSignalRecorded(long tenantId, long signalId, WeatherSignalType type, Instant startsAt,
                                    Instant endsAt, int exempted) {
}
