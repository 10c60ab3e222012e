package hk.lantau.approval.internal.time;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a rule did for each person and date: the row is what makes it fire once. */
@Repository
class TriggerRuns {

    private final JdbcClient jdbc;

    TriggerRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Run(String status, int attempts) {
    }

    Optional<Run> find(long tenantId, long ruleId, String subject, LocalDate date) {
        return jdbc.sql("""
                        select status, attempts from apr_trigger_run
                         where tenant_id = :tenantId and rule_id = :ruleId and subject_userid = :subject
                           and subject_date = :date""")
                .param("tenantId", tenantId).param("ruleId", ruleId).param("subject", subject)
                .param("date", Date.valueOf(date))
                .query((rs, n) -> new Run(rs.getString(1), rs.getInt(2))).optional();
    }

    /**
     * Claims an attempt inside the caller's transaction: inserts the first, or counts the next
     * failed one up from {@code attempts}. False when another run got there first.
     */
    boolean claim(long tenantId, long ruleId, String subject, LocalDate date, Optional<Run> seen, Instant now) {
        if (seen.isEmpty()) {
            return jdbc.sql("""
                            insert into apr_trigger_run (tenant_id, rule_id, subject_userid, subject_date, status,
                                attempts, created_at, updated_at)
                            select :tenantId, :ruleId, :subject, :date, 'FAILED', 1, :now, :now
                             where not exists (select 1 from apr_trigger_run
                                                where tenant_id = :tenantId and rule_id = :ruleId
                                                  and subject_userid = :subject and subject_date = :date)""")
                    .param("tenantId", tenantId).param("ruleId", ruleId).param("subject", subject)
                    .param("date", Date.valueOf(date)).param("now", Timestamp.from(now)).update() == 1;
        }
        return jdbc.sql("""
                        update apr_trigger_run set attempts = attempts + 1, updated_at = :now
                         where tenant_id = :tenantId and rule_id = :ruleId and subject_userid = :subject
                           and subject_date = :date and status = 'FAILED' and attempts = :attempts""")
                .param("now", Timestamp.from(now)).param("tenantId", tenantId).param("ruleId", ruleId)
                .param("subject", subject).param("date", Date.valueOf(date)).param("attempts", seen.get().attempts())
                .update() == 1;
    }

    void finish(long tenantId, long ruleId, String subject, LocalDate date, String instanceId, String errorCode,
                Instant now) {
        jdbc.sql("""
                        update apr_trigger_run set status = :status, instance_id = :instanceId, error_code = :code,
                               updated_at = :now
                         where tenant_id = :tenantId and rule_id = :ruleId and subject_userid = :subject
                           and subject_date = :date""")
                .param("status", instanceId == null ? "FAILED" : "STARTED").param("instanceId", instanceId)
                .param("code", errorCode).param("now", Timestamp.from(now)).param("tenantId", tenantId)
                .param("ruleId", ruleId).param("subject", subject).param("date", Date.valueOf(date)).update();
    }

    /** Records a failed attempt in its own transaction, after the attempt's own rolled back. */
    void recordFailure(long tenantId, long ruleId, String subject, LocalDate date, String errorCode, Instant now) {
        int updated = jdbc.sql("""
                        update apr_trigger_run set attempts = attempts + 1, error_code = :code, updated_at = :now
                         where tenant_id = :tenantId and rule_id = :ruleId and subject_userid = :subject
                           and subject_date = :date and status = 'FAILED'""")
                .param("code", errorCode).param("now", Timestamp.from(now)).param("tenantId", tenantId)
                .param("ruleId", ruleId).param("subject", subject).param("date", Date.valueOf(date)).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into apr_trigger_run (tenant_id, rule_id, subject_userid, subject_date, status,
                                attempts, error_code, created_at, updated_at)
                            values (:tenantId, :ruleId, :subject, :date, 'FAILED', 1, :code, :now, :now)""")
                    .param("tenantId", tenantId).param("ruleId", ruleId).param("subject", subject)
                    .param("date", Date.valueOf(date)).param("code", errorCode).param("now", Timestamp.from(now))
                    .update();
        }
    }
}
