package hk.lantau.attendance.internal;

import hk.lantau.attendance.ApprovedPeriod;
import hk.lantau.attendance.LeaveSettings;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** att_leave_settings and att_leave. */
@Repository
class ApprovedTimeRepository {

    private static final String COLUMNS = "id, instance_id, userid, kind, leave_type, starts_at, ends_at, work_date, hours";

    private final JdbcClient jdbc;

    ApprovedTimeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    LeaveSettings settings(long tenantId) {
        return jdbc.sql("""
                select leave_process_code, leave_range_field, leave_type_field, overtime_process_code,
                       overtime_range_field, overtime_hours_field
                  from att_leave_settings where tenant_id = :t""")
                .param("t", tenantId)
                .query((rs, n) -> new LeaveSettings(rs.getString("leave_process_code"),
                        rs.getString("leave_range_field"), rs.getString("leave_type_field"),
                        rs.getString("overtime_process_code"), rs.getString("overtime_range_field"),
                        rs.getString("overtime_hours_field")))
                .optional().orElse(LeaveSettings.DEFAULTS);
    }

    void save(long tenantId, LeaveSettings s, Instant now) {
        jdbc.sql("delete from att_leave_settings where tenant_id = :t").param("t", tenantId).update();
        jdbc.sql("""
                insert into att_leave_settings (tenant_id, leave_process_code, leave_range_field, leave_type_field,
                       overtime_process_code, overtime_range_field, overtime_hours_field, updated_at)
                values (:t, :lc, :lr, :lt, :oc, :or, :oh, :now)""")
                .param("t", tenantId).param("lc", s.leaveProcessCode()).param("lr", s.leaveRangeFieldId())
                .param("lt", s.leaveTypeFieldId()).param("oc", s.overtimeProcessCode())
                .param("or", s.overtimeRangeFieldId()).param("oh", s.overtimeHoursFieldId())
                .param("now", Sql.ts(now)).update();
    }

    /** Inserts the period unless the approval was recorded already; returns its id, empty then. */
    Optional<Long> insert(long tenantId, ApprovedPeriod p, Instant now) {
        boolean exists = jdbc.sql("select count(*) from att_leave where tenant_id = :t and instance_id = :i")
                .param("t", tenantId).param("i", p.instanceId()).query(Integer.class).single() > 0;
        if (exists) {
            return Optional.empty();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into att_leave (tenant_id, instance_id, userid, kind, leave_type, starts_at, ends_at, work_date,
                       hours, created_at)
                values (:t, :i, :u, :kind, :type, :start, :end, :day, :hours, :now)""")
                .param("t", tenantId).param("i", p.instanceId()).param("u", p.userId()).param("kind", p.kind().name())
                .param("type", p.leaveType()).param("start", Sql.ts(p.startsAt())).param("end", Sql.ts(p.endsAt()))
                .param("day", p.workDate() == null ? null : Sql.date(p.workDate())).param("hours", p.hours())
                .param("now", Sql.ts(now)).update(keys, "id");
        return Optional.of(keys.getKey().longValue());
    }

    /** Periods of a kind of these people overlapping {@code from} to {@code to}. */
    List<ApprovedPeriod> overlapping(long tenantId, ApprovedPeriod.Kind kind, Collection<String> userIds,
                                     Instant from, Instant to) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from att_leave where tenant_id = :t and kind = :kind"
                        + " and userid in (:users) and starts_at < :to and ends_at > :from order by starts_at, id")
                .param("t", tenantId).param("kind", kind.name()).param("users", List.copyOf(userIds))
                .param("from", Sql.ts(from)).param("to", Sql.ts(to))
                .query(ApprovedTimeRepository::map).list();
    }

    /** A person's periods overlapping {@code from} to {@code to}, and overtime counted on those dates. */
    List<ApprovedPeriod> ofPerson(long tenantId, String userId, Instant from, Instant to,
                                  java.time.LocalDate firstDay, java.time.LocalDate lastDay) {
        return jdbc.sql("select " + COLUMNS + " from att_leave where tenant_id = :t and userid = :u"
                        + " and ((starts_at < :to and ends_at > :from) or work_date between :first and :last)"
                        + " order by starts_at, id")
                .param("t", tenantId).param("u", userId).param("from", Sql.ts(from)).param("to", Sql.ts(to))
                .param("first", Sql.date(firstDay)).param("last", Sql.date(lastDay))
                .query(ApprovedTimeRepository::map).list();
    }

    private static ApprovedPeriod map(ResultSet rs, int n) throws SQLException {
        Date day = rs.getDate("work_date");
        return new ApprovedPeriod(rs.getLong("id"), rs.getString("instance_id"), rs.getString("userid"),
                ApprovedPeriod.Kind.valueOf(rs.getString("kind")), rs.getString("leave_type"),
                Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), day == null ? null : day.toLocalDate(),
                rs.getBigDecimal("hours"));
    }
}
