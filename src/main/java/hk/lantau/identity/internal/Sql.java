package hk.lantau.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Conversions between {@link Instant} and the {@code timestamp with time zone} columns. */
final class Sql {

    private Sql() {
    }

    /**
     * Both databases keep microseconds and round what is finer; truncating first keeps a value
     * written and a value compared against it equal (an expiry set to "now" is not still valid).
     */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
