package hk.lantau.attendance.internal;

import hk.lantau.attendance.Shift;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ShiftRepository {

    private static final String COLUMNS =
            "id, name, on_minute, off_minute, flexible_minutes, serious_late_minutes, absent_late_minutes, working_days";

    private final JdbcClient jdbc;

    ShiftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, Shift s, Instant now) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                insert into att_shift (tenant_id, name, on_minute, off_minute, flexible_minutes, serious_late_minutes,
                                       absent_late_minutes, working_days, created_at, updated_at)
                values (:t, :name, :on, :off, :flex, :serious, :absent, :days, :now, :now)"""), tenantId, s, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long tenantId, long id, Shift s, Instant now) {
        bind(jdbc.sql("""
                update att_shift set name = :name, on_minute = :on, off_minute = :off, flexible_minutes = :flex,
                       serious_late_minutes = :serious, absent_late_minutes = :absent, working_days = :days,
                       updated_at = :now
                 where tenant_id = :t and id = :id"""), tenantId, s, now).param("id", id).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, long tenantId, Shift s, Instant now) {
        return spec.param("t", tenantId).param("name", s.name())
                .param("on", s.onTime().getHour() * 60 + s.onTime().getMinute())
                .param("off", s.offTime().getHour() * 60 + s.offTime().getMinute())
                .param("flex", s.flexibleMinutes()).param("serious", s.seriousLateMinutes())
                .param("absent", s.absentLateMinutes())
                .param("days", s.workingDays().stream().map(DayOfWeek::name).collect(Collectors.joining(",")))
                .param("now", Sql.ts(now));
    }

    void delete(long tenantId, long id) {
        jdbc.sql("delete from att_shift where tenant_id = :t and id = :id").param("t", tenantId).param("id", id).update();
    }

    boolean inUse(long tenantId, long id) {
        return jdbc.sql("select count(*) from att_group where tenant_id = :t and shift_id = :id")
                .param("t", tenantId).param("id", id).query(Integer.class).single() > 0;
    }

    Optional<Shift> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from att_shift where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(ShiftRepository::map).optional();
    }

    List<Shift> list(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from att_shift where tenant_id = :t order by id")
                .param("t", tenantId).query(ShiftRepository::map).list();
    }

    private static Shift map(ResultSet rs, int n) throws SQLException {
        int on = rs.getInt("on_minute");
        int off = rs.getInt("off_minute");
        int absent = rs.getInt("absent_late_minutes");
        Integer absentLate = rs.wasNull() ? null : absent;
        List<DayOfWeek> days = Arrays.stream(rs.getString("working_days").split(",")).map(DayOfWeek::valueOf).toList();
        return new Shift(rs.getLong("id"), rs.getString("name"), LocalTime.of(on / 60, on % 60),
                LocalTime.of(off / 60, off % 60), off <= on, rs.getInt("flexible_minutes"),
                rs.getInt("serious_late_minutes"), absentLate, days);
    }
}
