package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendanceSettings;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PolicyRepository {

    static final AttendanceSettings DEFAULTS = new AttendanceSettings(0, null, 90, 2);

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AttendanceSettings settings(long tenantId) {
        return jdbc.sql("select notice_version, notice_text, retention_days, weather_report_hours from att_settings where tenant_id = :t")
                .param("t", tenantId)
                .query((rs, n) -> new AttendanceSettings(rs.getInt("notice_version"), rs.getString("notice_text"),
                        rs.getInt("retention_days"), rs.getInt("weather_report_hours")))
                .optional().orElse(DEFAULTS);
    }

    void save(long tenantId, AttendanceSettings s, Instant now) {
        int updated = jdbc.sql("""
                update att_settings set notice_version = :v, notice_text = :text, retention_days = :days,
                       weather_report_hours = :hours, updated_at = :now
                 where tenant_id = :t""")
                .param("t", tenantId).param("v", s.noticeVersion()).param("text", s.noticeText())
                .param("days", s.retentionDays()).param("hours", s.weatherReportHours()).param("now", Sql.ts(now))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into att_settings (tenant_id, notice_version, notice_text, retention_days, weather_report_hours, updated_at)
                    values (:t, :v, :text, :days, :hours, :now)""")
                    .param("t", tenantId).param("v", s.noticeVersion()).param("text", s.noticeText())
                    .param("days", s.retentionDays()).param("hours", s.weatherReportHours()).param("now", Sql.ts(now))
                    .update();
        }
    }

    Optional<Instant> acknowledgedAt(long tenantId, String userId, int version) {
        return jdbc.sql("select acknowledged_at from att_notice_ack where tenant_id = :t and userid = :u and notice_version = :v")
                .param("t", tenantId).param("u", userId).param("v", version)
                .query((rs, n) -> Sql.instant(rs, "acknowledged_at")).optional();
    }

    int acknowledgements(long tenantId, int version) {
        return jdbc.sql("select count(*) from att_notice_ack where tenant_id = :t and notice_version = :v")
                .param("t", tenantId).param("v", version).query(Integer.class).single();
    }

    void acknowledge(long tenantId, String userId, int version, String language, Instant now) {
        jdbc.sql("""
                insert into att_notice_ack (tenant_id, userid, notice_version, acknowledged_at, language)
                values (:t, :u, :v, :now, :language)""")
                .param("t", tenantId).param("u", userId).param("v", version).param("now", Sql.ts(now))
                .param("language", language).update();
    }

    /** A repeated acknowledgement keeps its time and takes the language it was made in. */
    void relanguage(long tenantId, String userId, int version, String language) {
        jdbc.sql("update att_notice_ack set language = :language where tenant_id = :t and userid = :u and notice_version = :v")
                .param("t", tenantId).param("u", userId).param("v", version).param("language", language).update();
    }

    /** Each person's language at their latest acknowledgement, for those who made one. */
    Map<String, String> languages(long tenantId) {
        Map<String, String> languages = new HashMap<>();
        jdbc.sql("""
                select userid, language from att_notice_ack where tenant_id = :t and language is not null
                 order by notice_version""")
                .param("t", tenantId)
                .query(rs -> {
                    languages.put(rs.getString("userid"), rs.getString("language"));
                });
        return languages;
    }
}
