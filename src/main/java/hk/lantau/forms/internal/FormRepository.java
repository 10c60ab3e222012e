package hk.lantau.forms.internal;

import hk.lantau.forms.FormAudience;
import hk.lantau.forms.FormDefinition;
import hk.lantau.forms.FormSchedule;
import hk.lantau.forms.FormStatus;
import hk.lantau.forms.ScheduleKind;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
class FormRepository {

    private static final String COLUMNS = "id, tenant_id, title, description, form_json, audience_users, "
            + "audience_departments, schedule_kind, days_of_week, once_date, open_time, reminder_times, retention_days, "
            + "anonymous, status, schedule_from, created_by, created_at, updated_at";

    private final JdbcClient jdbc;
    private final FormsJson json;

    FormRepository(JdbcClient jdbc, FormsJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<FormRow> list(long tenantId, boolean includeArchived) {
        return jdbc.sql("select " + COLUMNS + " from frm_form where tenant_id = :t"
                        + (includeArchived ? "" : " and status = 'ACTIVE'") + " order by id desc")
                .param("t", tenantId).query(this::row).list();
    }

    Optional<FormRow> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from frm_form where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(this::row).optional();
    }

    /** The form locked for a change, so a change and the round job do not cross. */
    Optional<FormRow> lock(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from frm_form where tenant_id = :t and id = :id for update")
                .param("t", tenantId).param("id", id).query(this::row).optional();
    }

    /** Active forms of every organisation, for the round job. */
    List<FormRow> active() {
        return jdbc.sql("select " + COLUMNS + " from frm_form where status = 'ACTIVE' order by tenant_id, id")
                .query(this::row).list();
    }

    long insert(long tenantId, FormDefinition d, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                insert into frm_form (tenant_id, title, description, form_json, audience_users, audience_departments,
                    schedule_kind, days_of_week, once_date, open_time, reminder_times, retention_days, anonymous,
                    status, schedule_from, created_by, created_at, updated_at)
                values (:t, :title, :description, :form, :users, :departments, :kind, :days, :date, :time,
                    :reminders, :retention, :anonymous, 'ACTIVE', :now, :by, :now, :now)"""), d, now)
                .param("t", tenantId).param("by", createdBy).update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long tenantId, long id, FormDefinition d, boolean scheduleChanged, Instant now) {
        bind(jdbc.sql("""
                update frm_form set title = :title, description = :description, form_json = :form,
                    audience_users = :users, audience_departments = :departments, schedule_kind = :kind,
                    days_of_week = :days, once_date = :date, open_time = :time, reminder_times = :reminders,
                    retention_days = :retention, anonymous = :anonymous, updated_at = :now,
                    schedule_from = case when :changed then :now else schedule_from end
                 where tenant_id = :t and id = :id"""), d, now)
                .param("changed", scheduleChanged).param("t", tenantId).param("id", id).update();
    }

    void archive(long tenantId, long id, Instant now) {
        jdbc.sql("update frm_form set status = 'ARCHIVED', updated_at = :now where tenant_id = :t and id = :id")
                .param("now", Timestamp.from(now)).param("t", tenantId).param("id", id).update();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, FormDefinition d, Instant now) {
        FormSchedule s = d.schedule();
        return sql.param("title", d.title().strip())
                .param("description", d.description() == null || d.description().isBlank() ? null : d.description().strip())
                .param("form", json.write(d.form())).param("users", json.write(d.audience().userIds()))
                .param("departments", json.write(d.audience().departmentIds())).param("kind", s.kind().name())
                .param("days", s.kind() == ScheduleKind.WEEKLY ? s.daysOfWeek().stream().sorted()
                        .map(day -> String.valueOf(day.getValue())).collect(Collectors.joining(",")) : null)
                .param("date", s.kind() == ScheduleKind.ONCE ? Date.valueOf(s.date()) : null)
                .param("time", s.time().toString())
                .param("reminders", s.reminders().stream().sorted().map(LocalTime::toString)
                        .collect(Collectors.joining(",")))
                .param("retention", d.retentionDays()).param("anonymous", d.anonymous())
                .param("now", Timestamp.from(now));
    }

    private FormRow row(ResultSet rs, int n) throws SQLException {
        String days = rs.getString("days_of_week");
        String reminders = rs.getString("reminder_times");
        Date date = rs.getDate("once_date");
        FormSchedule schedule = new FormSchedule(ScheduleKind.valueOf(rs.getString("schedule_kind")),
                date == null ? null : date.toLocalDate(),
                days == null ? List.of() : Arrays.stream(days.split(",")).map(d -> DayOfWeek.of(Integer.parseInt(d)))
                        .toList(),
                LocalTime.parse(rs.getString("open_time")),
                reminders.isEmpty() ? List.of() : Arrays.stream(reminders.split(",")).map(LocalTime::parse).toList());
        return new FormRow(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("title"),
                rs.getString("description"), json.components(rs.getString("form_json")),
                new FormAudience(json.strings(rs.getString("audience_users")),
                        json.longs(rs.getString("audience_departments"))),
                schedule, rs.getInt("retention_days"), rs.getBoolean("anonymous"),
                FormStatus.valueOf(rs.getString("status")), rs.getTimestamp("schedule_from").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
