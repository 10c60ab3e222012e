package hk.lantau.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Times that API callers send as ISO-8601 with an offset, such as list filters. */
public final class IsoTimes {

    private IsoTimes() {
    }

    /** The instant, or {@code null} for a blank value; else a 400 naming {@code field} with {@code code}. */
    public static Instant parse(String field, String value, String code) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw LantauException.invalidField(field, code,
                    "Use an ISO-8601 time with offset, e.g. 2026-03-02T09:30:00+08:00.");
        }
    }
}
