package hk.lantau.forms.internal;

import hk.lantau.approval.InstanceView.SubmittedValue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AnswerRepository {

    /** One person's answer to a round. */
    record AnswerRow(long roundId, String userId, List<SubmittedValue> values, Instant submittedAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final FormsJson json;

    AnswerRepository(JdbcClient jdbc, FormsJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<AnswerRow> find(long tenantId, long roundId, String userId) {
        return jdbc.sql("select * from frm_answer where tenant_id = :t and round_id = :r and userid = :u")
                .param("t", tenantId).param("r", roundId).param("u", userId).query(this::row).optional();
    }

    List<AnswerRow> ofRound(long tenantId, long roundId) {
        return jdbc.sql("select * from frm_answer where tenant_id = :t and round_id = :r order by submitted_at, userid")
                .param("t", tenantId).param("r", roundId).query(this::row).list();
    }

    /** Every answer of the person, with the round it answers, for a data-access request. */
    List<AnswerRow> ofPerson(long tenantId, String userId) {
        return jdbc.sql("select * from frm_answer where tenant_id = :t and userid = :u order by round_id")
                .param("t", tenantId).param("u", userId).query(this::row).list();
    }

    void insert(long tenantId, long roundId, String userId, List<SubmittedValue> values, Instant now) {
        jdbc.sql("""
                        insert into frm_answer (tenant_id, round_id, userid, form_values, submitted_at, updated_at)
                        values (:t, :r, :u, :v, :now, :now)""")
                .param("t", tenantId).param("r", roundId).param("u", userId).param("v", json.write(values))
                .param("now", Timestamp.from(now)).update();
    }

    void update(long tenantId, long roundId, String userId, List<SubmittedValue> values, Instant now) {
        jdbc.sql("update frm_answer set form_values = :v, updated_at = :now where tenant_id = :t and round_id = :r and userid = :u")
                .param("v", json.write(values)).param("now", Timestamp.from(now)).param("t", tenantId)
                .param("r", roundId).param("u", userId).update();
    }

    /** Removes the person's answers and their place in rounds' audiences; how many answers went. */
    int erase(long tenantId, String userId) {
        int answers = jdbc.sql("delete from frm_answer where tenant_id = :t and userid = :u")
                .param("t", tenantId).param("u", userId).update();
        jdbc.sql("delete from frm_recipient where tenant_id = :t and userid = :u")
                .param("t", tenantId).param("u", userId).update();
        return answers;
    }

    private AnswerRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AnswerRow(rs.getLong("round_id"), rs.getString("userid"), json.values(rs.getString("form_values")),
                rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
