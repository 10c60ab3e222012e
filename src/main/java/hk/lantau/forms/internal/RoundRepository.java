package hk.lantau.forms.internal;

import hk.lantau.forms.RoundStatus;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RoundRepository {

    private static final String COLUMNS = "r.id, r.tenant_id, r.form_id, r.round_date, r.opens_at, r.closed_at, "
            + "r.status, r.title, r.form_json, r.expected, r.reminders_sent, r.kept_summary, "
            + "(select count(*) from frm_answer a where a.round_id = r.id) as submitted";

    private final JdbcClient jdbc;
    private final FormsJson json;

    RoundRepository(JdbcClient jdbc, FormsJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Opens the occurrence unless a round for it exists; the new round's id, or empty. */
    Optional<Long> open(long tenantId, long formId, LocalDate date, Instant opensAt, String title, String formJson) {
        var keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                        insert into frm_round (tenant_id, form_id, round_date, opens_at, status, title, form_json,
                            expected, reminders_sent)
                        select :t, :form, :date, :at, 'OPEN', :title, :json, 0, 0 from frm_form
                         where tenant_id = :t and id = :form
                           and not exists (select 1 from frm_round x where x.form_id = :form and x.opens_at >= :at)""")
                .param("t", tenantId).param("form", formId).param("date", Date.valueOf(date))
                .param("at", Timestamp.from(opensAt)).param("title", title).param("json", formJson)
                .update(keys, "id");
        return inserted == 1 ? Optional.of(keys.getKey().longValue()) : Optional.empty();
    }

    /** Closes the form's open rounds other than {@code keep} (none when null). */
    void closeOthers(long tenantId, long formId, Long keep, Instant at) {
        jdbc.sql("update frm_round set status = 'CLOSED', closed_at = :at where tenant_id = :t and form_id = :form "
                        + "and status = 'OPEN'" + (keep == null ? "" : " and id <> :keep"))
                .param("at", Timestamp.from(at)).param("t", tenantId).param("form", formId)
                .param("keep", keep == null ? 0L : keep).update();
    }

    void addRecipients(long tenantId, long roundId, Map<String, Long> departments) {
        for (var e : departments.entrySet()) {
            jdbc.sql("insert into frm_recipient (tenant_id, round_id, userid, department_id) values (:t, :r, :u, :d)")
                    .param("t", tenantId).param("r", roundId).param("u", e.getKey()).param("d", e.getValue()).update();
        }
        jdbc.sql("update frm_round set expected = :n where id = :r").param("n", departments.size())
                .param("r", roundId).update();
    }

    Optional<RoundRow> find(long tenantId, long formId, long roundId) {
        return jdbc.sql("select " + COLUMNS + " from frm_round r where r.tenant_id = :t and r.form_id = :f and r.id = :r")
                .param("t", tenantId).param("f", formId).param("r", roundId).query(this::row).optional();
    }

    /** A round that asks the person. */
    Optional<RoundRow> findFor(long tenantId, long roundId, String userId) {
        return jdbc.sql("select " + COLUMNS + " from frm_round r join frm_recipient p on p.round_id = r.id "
                        + "where r.tenant_id = :t and r.id = :r and p.userid = :u")
                .param("t", tenantId).param("r", roundId).param("u", userId).query(this::row).optional();
    }

    /** The round locked, so an answer and the round's closing or purge do not cross. */
    RoundStatus lockStatus(long roundId) {
        return RoundStatus.valueOf(jdbc.sql("select status from frm_round where id = :r for update")
                .param("r", roundId).query(String.class).single());
    }

    List<RoundRow> ofForm(long tenantId, long formId) {
        return jdbc.sql("select " + COLUMNS + " from frm_round r where r.tenant_id = :t and r.form_id = :f "
                        + "order by r.opens_at desc").param("t", tenantId).param("f", formId).query(this::row).list();
    }

    List<RoundRow> openFor(long tenantId, String userId) {
        return jdbc.sql("select " + COLUMNS + " from frm_round r join frm_recipient p on p.round_id = r.id "
                        + "where r.tenant_id = :t and p.userid = :u and r.status = 'OPEN' order by r.opens_at desc")
                .param("t", tenantId).param("u", userId).query(this::row).list();
    }

    /** Open rounds of every organisation, for reminders. */
    List<RoundRow> allOpen() {
        return jdbc.sql("select " + COLUMNS + " from frm_round r where r.status = 'OPEN' order by r.tenant_id, r.id")
                .query(this::row).list();
    }

    /** Rounds whose answers are still kept, for the retention job. */
    List<RoundRow> unpurged() {
        return jdbc.sql("select " + COLUMNS + " from frm_round r where r.status <> 'PURGED' order by r.tenant_id, r.id")
                .query(this::row).list();
    }

    /** Claims reminders up to {@code count}: true for the one caller that moves the round past them. */
    boolean claimReminders(long roundId, int seen, int count) {
        return jdbc.sql("update frm_round set reminders_sent = :n where id = :r and reminders_sent = :seen and status = 'OPEN'")
                .param("n", count).param("r", roundId).param("seen", seen).update() == 1;
    }

    /** Recipients who have not answered, with their department, in userid order. */
    Map<String, Long> notAnswered(long tenantId, long roundId) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select p.userid, p.department_id from frm_recipient p
                         where p.tenant_id = :t and p.round_id = :r
                           and not exists (select 1 from frm_answer a where a.round_id = p.round_id and a.userid = p.userid)
                         order by p.userid""")
                .param("t", tenantId).param("r", roundId).query(rs -> {
                    long d = rs.getLong("department_id");
                    out.put(rs.getString("userid"), rs.wasNull() ? null : d);
                });
        return out;
    }

    void purge(long roundId, String keptSummary, Instant now) {
        jdbc.sql("delete from frm_answer where round_id = :r").param("r", roundId).update();
        jdbc.sql("delete from frm_recipient where round_id = :r").param("r", roundId).update();
        jdbc.sql("""
                        update frm_round set status = 'PURGED', kept_summary = :kept, purged_at = :now,
                            closed_at = coalesce(closed_at, :now) where id = :r""")
                .param("kept", keptSummary).param("now", Timestamp.from(now)).param("r", roundId).update();
    }

    private RoundRow row(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new RoundRow(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("form_id"),
                rs.getDate("round_date").toLocalDate(), rs.getTimestamp("opens_at").toInstant(),
                closed == null ? null : closed.toInstant(), RoundStatus.valueOf(rs.getString("status")),
                rs.getString("title"), json.components(rs.getString("form_json")), rs.getInt("expected"),
                rs.getInt("reminders_sent"), rs.getString("kept_summary"), rs.getInt("submitted"));
    }
}
