package hk.lantau.approval.internal.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TriggerRepository {

    private static final TypeReference<TreeMap<String, String>> VALUES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TriggerRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<TriggerRow> list(long tenantId) {
        return jdbc.sql("select * from apr_trigger_rule where tenant_id = :tenantId order by id")
                .param("tenantId", tenantId).query(this::row).list();
    }

    Optional<TriggerRow> find(long tenantId, long id) {
        return jdbc.sql("select * from apr_trigger_rule where tenant_id = :tenantId and id = :id")
                .param("tenantId", tenantId).param("id", id).query(this::row).optional();
    }

    /** Enabled rules of every organisation, for the trigger job. */
    List<TriggerRow> enabled() {
        return jdbc.sql("select * from apr_trigger_rule where enabled = true order by tenant_id, id")
                .query(this::row).list();
    }

    long insert(long tenantId, TriggerRow r, LocalDate checkedThrough, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into apr_trigger_rule (tenant_id, name, process_code, date_field, days_before, originator,
                            originator_userid, subject_field, fixed_values, enabled, checked_through, created_by,
                            created_at, updated_at)
                        values (:tenantId, :name, :processCode, :dateField, :daysBefore, :originator, :originatorUserId,
                            :subjectField, :fixedValues, :enabled, :checkedThrough, :createdBy, :now, :now)""")
                .param("tenantId", tenantId).param("name", r.name()).param("processCode", r.processCode())
                .param("dateField", r.dateField().name()).param("daysBefore", r.daysBefore())
                .param("originator", r.originator().name()).param("originatorUserId", r.originatorUserId())
                .param("subjectField", r.subjectField()).param("fixedValues", write(r.fixedValues()))
                .param("enabled", r.enabled()).param("checkedThrough", Date.valueOf(checkedThrough))
                .param("createdBy", createdBy).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long tenantId, long id, TriggerRow r, Instant now) {
        jdbc.sql("""
                        update apr_trigger_rule set name = :name, process_code = :processCode, date_field = :dateField,
                               days_before = :daysBefore, originator = :originator,
                               originator_userid = :originatorUserId, subject_field = :subjectField,
                               fixed_values = :fixedValues, enabled = :enabled, updated_at = :now
                         where tenant_id = :tenantId and id = :id""")
                .param("tenantId", tenantId).param("id", id).param("name", r.name())
                .param("processCode", r.processCode()).param("dateField", r.dateField().name())
                .param("daysBefore", r.daysBefore()).param("originator", r.originator().name())
                .param("originatorUserId", r.originatorUserId()).param("subjectField", r.subjectField())
                .param("fixedValues", write(r.fixedValues())).param("enabled", r.enabled())
                .param("now", Timestamp.from(now)).update();
    }

    void delete(long tenantId, long id) {
        jdbc.sql("delete from apr_trigger_run where tenant_id = :tenantId and rule_id = :id")
                .param("tenantId", tenantId).param("id", id).update();
        jdbc.sql("delete from apr_trigger_rule where tenant_id = :tenantId and id = :id")
                .param("tenantId", tenantId).param("id", id).update();
    }

    /** Moves the rule's checked date forward only, so an older run finishing late changes nothing. */
    void checkedThrough(long tenantId, long id, LocalDate date) {
        jdbc.sql("""
                        update apr_trigger_rule set checked_through = :date
                         where tenant_id = :tenantId and id = :id and checked_through < :date""")
                .param("date", Date.valueOf(date)).param("tenantId", tenantId).param("id", id).update();
    }

    void started(long tenantId, long id, String instanceId, Instant now) {
        jdbc.sql("""
                        update apr_trigger_rule set last_run_at = :now, last_instance_id = :instanceId,
                               last_error_code = null, last_error = null, last_error_subject = null,
                               last_error_at = null
                         where tenant_id = :tenantId and id = :id""")
                .param("now", Timestamp.from(now)).param("instanceId", instanceId)
                .param("tenantId", tenantId).param("id", id).update();
    }

    void failed(long tenantId, long id, String subject, String code, String message, Instant now) {
        jdbc.sql("""
                        update apr_trigger_rule set last_run_at = :now, last_error_code = :code, last_error = :message,
                               last_error_subject = :subject, last_error_at = :now
                         where tenant_id = :tenantId and id = :id""")
                .param("now", Timestamp.from(now)).param("code", code)
                .param("message", message.length() > 500 ? message.substring(0, 500) : message)
                .param("subject", subject).param("tenantId", tenantId).param("id", id).update();
    }

    private String write(Map<String, String> values) {
        try {
            return json.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TriggerRow row(ResultSet rs, int n) throws SQLException {
        try {
            return new TriggerRow(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"),
                    rs.getString("process_code"), TriggerRow.DateField.valueOf(rs.getString("date_field")),
                    rs.getInt("days_before"), TriggerRow.Originator.valueOf(rs.getString("originator")),
                    rs.getString("originator_userid"), rs.getString("subject_field"),
                    json.readValue(rs.getString("fixed_values"), VALUES), rs.getBoolean("enabled"),
                    rs.getDate("checked_through").toLocalDate(), instant(rs, "last_run_at"),
                    rs.getString("last_instance_id"), rs.getString("last_error_code"), rs.getString("last_error"),
                    rs.getString("last_error_subject"), instant(rs, "last_error_at"), instant(rs, "created_at"),
                    instant(rs, "updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable fixed values of trigger rule " + rs.getLong("id"), e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
