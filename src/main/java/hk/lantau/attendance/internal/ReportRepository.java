package hk.lantau.attendance.internal;

import hk.lantau.attendance.Figures;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Attendance figures per person in one grouped statement over the records. Minutes are counted
 * between the minutes of the planned and actual times (epoch seconds floored to minutes; Hong
 * Kong's offset is whole hours, so that equals the minute in the organisation's zone).
 */
@Repository
class ReportRepository {

    private static final String LATE = "check_type = 'OnDuty' and exemption is null "
            + "and time_result in ('Late', 'SeriousLate') and user_time is not null and plan_time is not null";
    private static final String EARLY = "check_type = 'OffDuty' and exemption is null "
            + "and time_result = 'Early' and user_time is not null and plan_time is not null";
    private static final String USER_MINUTE = "floor(extract(epoch from user_time) / 60)";
    private static final String PLAN_MINUTE = "floor(extract(epoch from plan_time) / 60)";

    private static final String FIGURES = "select userid,"
            + " count(distinct case when user_time is not null then work_date end) as days_worked,"
            + " sum(case when " + LATE + " then 1 else 0 end) as late_count,"
            + " sum(case when " + LATE + " then " + USER_MINUTE + " - " + PLAN_MINUTE + " else 0 end) as late_minutes,"
            + " sum(case when " + EARLY + " then 1 else 0 end) as early_count,"
            + " sum(case when " + EARLY + " then " + PLAN_MINUTE + " - " + USER_MINUTE + " else 0 end) as early_minutes,"
            + " count(distinct case when exemption is null and time_result = 'Absenteeism' then work_date end) as absence_days,"
            + " sum(case when exemption is null and time_result = 'NotSigned' then 1 else 0 end) as missed,"
            + " count(distinct case when exemption = 'WEATHER_EXEMPT' then work_date end) as exempt_days"
            + " from att_record where tenant_id = :t and work_date between :from and :to";
    private static final String GROUPED = " group by userid order by userid";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures of everyone with records in the period, in userid order; leave and overtime are zero here. */
    Map<String, Figures> figures(long tenantId, LocalDate from, LocalDate to) {
        return query(jdbc.sql(FIGURES + GROUPED), tenantId, from, to);
    }

    /** One person's figures, empty when they have no records in the period. */
    Map<String, Figures> figuresOf(long tenantId, String userId, LocalDate from, LocalDate to) {
        return query(jdbc.sql(FIGURES + " and userid = :u" + GROUPED).param("u", userId), tenantId, from, to);
    }

    private static Map<String, Figures> query(JdbcClient.StatementSpec sql, long tenantId, LocalDate from,
                                              LocalDate to) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        sql.param("t", tenantId).param("from", Sql.date(from)).param("to", Sql.date(to))
                .query(rs -> {
                    figures.put(rs.getString("userid"), new Figures(rs.getInt("days_worked"), rs.getInt("late_count"),
                            rs.getLong("late_minutes"), rs.getInt("early_count"), rs.getLong("early_minutes"),
                            rs.getInt("absence_days"), rs.getInt("missed"), 0, 0, rs.getInt("exempt_days")));
                });
        return figures;
    }
}
