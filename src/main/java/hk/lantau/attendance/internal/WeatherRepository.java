package hk.lantau.attendance.internal;

import hk.lantau.attendance.WeatherSignal;
import hk.lantau.attendance.WeatherSignalType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class WeatherRepository {

    private static final String COLUMNS = "id, signal_type, starts_at, ends_at, note, recorded_by";

    private final JdbcClient jdbc;

    WeatherRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, WeatherSignalType type, Instant start, Instant end, String note, String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into att_weather_signal (tenant_id, signal_type, starts_at, ends_at, note, recorded_by, created_at, updated_at)
                values (:t, :type, :start, :end, :note, :by, :now, :now)""")
                .param("t", tenantId).param("type", type.name()).param("start", Sql.ts(start))
                .param("end", Sql.ts(end)).param("note", note).param("by", by).param("now", Sql.ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void end(long tenantId, long id, Instant end, Instant now) {
        jdbc.sql("update att_weather_signal set ends_at = :end, updated_at = :now where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).param("end", Sql.ts(end)).param("now", Sql.ts(now)).update();
    }

    Optional<WeatherSignal> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from att_weather_signal where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(WeatherRepository::map).optional();
    }

    /** Signals that were up at some time between {@code from} and {@code to}. */
    List<WeatherSignal> between(long tenantId, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " from att_weather_signal where tenant_id = :t and starts_at < :to "
                        + "and (ends_at is null or ends_at > :from) order by starts_at, id")
                .param("t", tenantId).param("from", Sql.ts(from)).param("to", Sql.ts(to))
                .query(WeatherRepository::map).list();
    }

    private static WeatherSignal map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new WeatherSignal(rs.getLong("id"), WeatherSignalType.valueOf(rs.getString("signal_type")),
                Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), rs.getString("note"),
                rs.getString("recorded_by"));
    }
}
