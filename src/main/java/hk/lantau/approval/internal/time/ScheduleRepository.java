package hk.lantau.approval.internal.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ScheduleRepository {

    private static final String COLUMNS = "id, tenant_id, days_of_week, local_time, enabled, last_occurrence, created_at";

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ScheduleRow> list(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from apr_reminder_schedule where tenant_id = :tenantId order by id")
                .param("tenantId", tenantId).query(ScheduleRepository::row).list();
    }

    /** Enabled schedules of every organisation, for the digest job. */
    List<ScheduleRow> enabled() {
        return jdbc.sql("select " + COLUMNS + " from apr_reminder_schedule where enabled = true order by tenant_id, id")
                .query(ScheduleRepository::row).list();
    }

    void replace(long tenantId, List<ScheduleRow> schedules, Instant now) {
        jdbc.sql("delete from apr_reminder_schedule where tenant_id = :tenantId").param("tenantId", tenantId).update();
        for (ScheduleRow s : schedules) {
            jdbc.sql("""
                            insert into apr_reminder_schedule (tenant_id, days_of_week, local_time, enabled, created_at)
                            values (:tenantId, :days, :time, :enabled, :now)""")
                    .param("tenantId", tenantId).param("days", ScheduleRow.formatDays(s.days()))
                    .param("time", s.time().toString()).param("enabled", s.enabled())
                    .param("now", Timestamp.from(now)).update();
        }
    }

    /** Claims an occurrence: true for the one caller that moves the schedule past it. */
    boolean claim(long tenantId, long id, Instant occurrence) {
        return jdbc.sql("""
                        update apr_reminder_schedule set last_occurrence = :occurrence
                         where tenant_id = :tenantId and id = :id
                           and (last_occurrence is null or last_occurrence < :occurrence)""")
                .param("occurrence", Timestamp.from(occurrence)).param("tenantId", tenantId).param("id", id)
                .update() == 1;
    }

    private static ScheduleRow row(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_occurrence");
        return new ScheduleRow(rs.getLong("id"), rs.getLong("tenant_id"),
                ScheduleRow.parseDays(rs.getString("days_of_week")), LocalTime.parse(rs.getString("local_time")),
                rs.getBoolean("enabled"), last == null ? null : last.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
