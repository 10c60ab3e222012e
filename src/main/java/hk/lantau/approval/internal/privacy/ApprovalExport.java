package hk.lantau.approval.internal.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what approvals hold about one person for a data-access request: their submissions with
 * the form values, their tasks, their decisions and other actions, their comments, where they were
 * copied, and their uploads (names and sizes, not content). Each list holds the newest
 * {@link #MAX_ITEMS} entries, and submissions also stop once their form values reach
 * {@link #MAX_FORM_CHARS}; a list says how many entries exist and whether it was cut short.
 */
@Component
class ApprovalExport {

    static final int MAX_ITEMS = 10_000;
    static final int MAX_FORM_CHARS = 20_000_000;
    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ApprovalExport(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Map<String, Object> export(long tenantId, String userId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("submissions", submissions(tenantId, userId));
        export.put("tasks", list(tenantId, userId, "select count(*) from apr_task where tenant_id = :tenant "
                + "and assignee_userid = :user", """
                select id, instance_id, activity_id, activity_name, status, result, created_at, finished_at, due_at
                  from apr_task where tenant_id = :tenant and assignee_userid = :user
                 order by id desc limit :limit""",
                (rs, n) -> row("taskId", rs.getLong("id"), "instanceId", rs.getString("instance_id"),
                        "activityId", rs.getString("activity_id"), "activityName", rs.getString("activity_name"),
                        "status", rs.getString("status"), "result", rs.getString("result"),
                        "createdAt", time(rs, "created_at"), "finishedAt", time(rs, "finished_at"),
                        "dueAt", time(rs, "due_at"))));
        export.put("actions", list(tenantId, userId, "select count(*) from apr_operation where tenant_id = :tenant "
                + "and userid = :user and operation <> 'ADD_REMARK'", """
                select id, instance_id, operation, result, remark, attachments, activity_id, created_at
                  from apr_operation where tenant_id = :tenant and userid = :user and operation <> 'ADD_REMARK'
                 order by id desc limit :limit""",
                (rs, n) -> row("instanceId", rs.getString("instance_id"), "type", rs.getString("operation"),
                        "result", rs.getString("result"), "remark", rs.getString("remark"),
                        "attachments", parse(rs.getString("attachments")), "activityId", rs.getString("activity_id"),
                        "date", time(rs, "created_at"))));
        export.put("comments", list(tenantId, userId, "select count(*) from apr_operation where tenant_id = :tenant "
                + "and userid = :user and operation = 'ADD_REMARK'", """
                select id, instance_id, remark, attachments, created_at
                  from apr_operation where tenant_id = :tenant and userid = :user and operation = 'ADD_REMARK'
                 order by id desc limit :limit""",
                (rs, n) -> row("instanceId", rs.getString("instance_id"), "text", rs.getString("remark"),
                        "attachments", parse(rs.getString("attachments")), "date", time(rs, "created_at"))));
        export.put("copies", list(tenantId, userId, "select count(*) from apr_cc where tenant_id = :tenant "
                + "and userid = :user", """
                select c.instance_id, i.title, c.created_at from apr_cc c
                  join apr_instance i on i.tenant_id = c.tenant_id and i.instance_id = c.instance_id
                 where c.tenant_id = :tenant and c.userid = :user
                 order by c.created_at desc, c.instance_id limit :limit""",
                (rs, n) -> row("instanceId", rs.getString("instance_id"), "title", rs.getString("title"),
                        "copiedAt", time(rs, "created_at"))));
        export.put("attachments", list(tenantId, userId, "select count(*) from apr_attachment where tenant_id = :tenant "
                + "and uploaded_by = :user", """
                select file_id, file_name, file_type, file_size, instance_id, created_at from apr_attachment
                 where tenant_id = :tenant and uploaded_by = :user order by created_at desc, file_id limit :limit""",
                (rs, n) -> row("fileId", rs.getString("file_id"), "fileName", rs.getString("file_name"),
                        "fileType", rs.getString("file_type"), "fileSize", rs.getLong("file_size"),
                        "instanceId", rs.getString("instance_id"), "uploadedAt", time(rs, "created_at"))));
        return export;
    }

    /** Their submissions newest first, a page at a time until a bound is reached. */
    private Map<String, Object> submissions(long tenantId, String userId) {
        long total = count("select count(*) from apr_instance where tenant_id = :tenant and originator_userid = :user",
                tenantId, userId);
        List<Map<String, Object>> items = new ArrayList<>();
        long chars = 0;
        int offset = 0;
        while (items.size() < MAX_ITEMS && chars < MAX_FORM_CHARS) {
            List<Map<String, Object>> page = jdbc.sql("""
                            select instance_id, process_code, template_version, title, department_id, status, result,
                                   form_values, created_at, finished_at
                              from apr_instance where tenant_id = :tenant and originator_userid = :user
                             order by created_at desc, instance_id desc offset :offset rows fetch next :limit rows only""")
                    .param("tenant", tenantId).param("user", userId).param("offset", offset)
                    .param("limit", Math.min(PAGE, MAX_ITEMS - items.size()))
                    .query(this::submission).list();
            for (Map<String, Object> submission : page) {
                items.add(submission);
                chars += (int) submission.remove("chars");
                if (chars >= MAX_FORM_CHARS) {
                    break;
                }
            }
            offset += page.size();
            if (page.size() < PAGE) {
                break;
            }
        }
        return bounded(total, items);
    }

    private Map<String, Object> submission(ResultSet rs, int n) throws SQLException {
        String form = rs.getString("form_values");
        Object parsed = parse(form);
        Map<String, Object> row = row("instanceId", rs.getString("instance_id"),
                "processCode", rs.getString("process_code"), "templateVersion", rs.getInt("template_version"),
                "title", rs.getString("title"), "departmentId", rs.getLong("department_id"),
                "status", rs.getString("status"), "result", rs.getString("result"),
                "formValues", parsed instanceof Map<?, ?> stored ? stored.get("values") : parsed,
                "createdAt", time(rs, "created_at"), "finishedAt", time(rs, "finished_at"));
        row.put("chars", form == null ? 0 : form.length());
        return row;
    }

    private Map<String, Object> list(long tenantId, String userId, String countSql, String sql,
                                     RowMapper<Map<String, Object>> mapper) {
        long total = count(countSql, tenantId, userId);
        List<Map<String, Object>> items = jdbc.sql(sql).param("tenant", tenantId).param("user", userId)
                .param("limit", MAX_ITEMS).query(mapper).list();
        return bounded(total, items);
    }

    private long count(String sql, long tenantId, String userId) {
        return jdbc.sql(sql).param("tenant", tenantId).param("user", userId).query(Long.class).single();
    }

    private Object parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static Map<String, Object> bounded(long total, List<Map<String, Object>> items) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("total", total);
        list.put("truncated", items.size() < total);
        list.put("items", items);
        return list;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                row.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return row;
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant().toString();
    }
}
