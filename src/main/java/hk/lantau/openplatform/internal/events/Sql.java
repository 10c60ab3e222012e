package hk.lantau.openplatform.internal.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Conversions between Java values and the columns of the webhook tables. */
final class Sql {

    private Sql() {
    }

    /** Truncated to microseconds, what both databases keep, so a value written compares equal when read. */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** A space-separated list column, such as the event types of a subscription. */
    static Set<String> words(String column) {
        Set<String> words = new LinkedHashSet<>();
        if (column != null) {
            Arrays.stream(column.trim().split("\\s+")).filter(w -> !w.isEmpty()).forEach(words::add);
        }
        return words;
    }
}
