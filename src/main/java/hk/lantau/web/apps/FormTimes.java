package hk.lantau.web.apps;

import hk.lantau.shared.LantauException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Times typed into a filter form ({@code datetime-local}), in the organisation's zone. */
final class FormTimes {

    private FormTimes() {
    }

    /** The instant typed, {@code null} when blank, or a 400 naming the field. */
    static Instant at(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw LantauException.invalidField(field, "openplatform.time_invalid",
                    "Enter a date and time such as 2026-03-02 09:30.");
        }
    }

    /** The end of a range typed to the minute: that minute is included. */
    static Instant until(String field, String value, ZoneId zone) {
        Instant end = at(field, value, zone);
        return end == null ? null : end.plus(1, ChronoUnit.MINUTES);
    }
}
