package hk.lantau.openplatform.internal.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads the webhook tables' columns that are not instants. */
final class Columns {

    private Columns() {
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
