package hk.lantau.messaging.internal.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what messaging holds about one person for a data-access request. An export is one JSON
 * document held in memory, so each list is bounded: the newest {@link #MAX_ITEMS} entries, and
 * messages also stop once their content reaches {@link #MAX_CONTENT_CHARS}. A bounded list says
 * how many entries exist in all and whether it was cut short.
 */
@Component
class MessagingExport {

    static final int MAX_ITEMS = 10_000;
    static final int MAX_CONTENT_CHARS = 20_000_000;
    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MessagingExport(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Map<String, Object> export(long tenantId, String userId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("conversations", conversations(tenantId, userId));
        export.put("messages", messages(tenantId, userId));
        export.put("dingsSent", dingsSent(tenantId, userId));
        export.put("dingsReceived", dingsReceived(tenantId, userId));
        export.put("notificationsReceived", notifications(tenantId, userId));
        export.put("robotsCreated", robots(tenantId, userId));
        return export;
    }

    /** Conversations they are in, with their role and read position. */
    private Map<String, Object> conversations(long tenantId, String userId) {
        long total = count("select count(*) from msg_member where tenant_id = :tenant and user_id = :user",
                tenantId, userId);
        List<Map<String, Object>> items = jdbc.sql("""
                        select c.id, c.kind, c.name, c.dismissed, m.role, m.joined_at, m.read_seq, m.read_at
                          from msg_member m
                          join msg_conversation c on c.tenant_id = m.tenant_id and c.id = m.conversation_id
                         where m.tenant_id = :tenant and m.user_id = :user
                         order by m.joined_at desc, c.id limit :limit""")
                .param("tenant", tenantId).param("user", userId).param("limit", MAX_ITEMS)
                .query((rs, n) -> row("conversationId", rs.getString("id"), "kind", rs.getString("kind"),
                        "name", rs.getString("name"), "dismissed", rs.getBoolean("dismissed"),
                        "role", rs.getString("role"), "joinedAt", time(rs, "joined_at"),
                        "readSeq", rs.getLong("read_seq"), "readAt", time(rs, "read_at")))
                .list();
        return bounded(total, items, items.size() < total);
    }

    /** Messages they wrote, newest first, read a page at a time until a bound is reached. */
    private Map<String, Object> messages(long tenantId, String userId) {
        long total = count("select count(*) from msg_message where tenant_id = :tenant and author_kind = 'USER' "
                + "and author_id = :user", tenantId, userId);
        List<Map<String, Object>> items = new ArrayList<>();
        long chars = 0;
        long before = Long.MAX_VALUE;
        while (items.size() < MAX_ITEMS && chars < MAX_CONTENT_CHARS) {
            List<Map<String, Object>> page = jdbc.sql("""
                            select id, conversation_id, seq, kind, content, state, sent_at, changed_at from msg_message
                             where tenant_id = :tenant and author_kind = 'USER' and author_id = :user and id < :before
                             order by id desc limit :limit""")
                    .param("tenant", tenantId).param("user", userId).param("before", before)
                    .param("limit", Math.min(PAGE, MAX_ITEMS - items.size()))
                    .query(this::message).list();
            for (Map<String, Object> message : page) {
                items.add(message);
                chars += (int) message.remove("chars");
                before = (long) message.get("id");
                if (chars >= MAX_CONTENT_CHARS) {
                    break;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return bounded(total, items, items.size() < total);
    }

    private Map<String, Object> message(ResultSet rs, int n) throws SQLException {
        String content = rs.getString("content");
        String state = rs.getString("state");
        Map<String, Object> row = row("id", rs.getLong("id"), "conversationId", rs.getString("conversation_id"),
                "seq", rs.getLong("seq"), "kind", rs.getString("kind"), "content", content == null ? null : parse(content),
                "sentAt", time(rs, "sent_at"), "recalled", state.equals("RECALLED"), "removed", state.equals("REMOVED"),
                "changedAt", time(rs, "changed_at"));
        row.put("chars", content == null ? 0 : content.length());
        return row;
    }

    private Map<String, Object> dingsSent(long tenantId, String userId) {
        long total = count("select count(*) from msg_ding where tenant_id = :tenant and sender_id = :user",
                tenantId, userId);
        List<Map<String, Object>> items = jdbc.sql("""
                        select id, text, status, send_at, sent_at, cancelled_at, recipient_count from msg_ding
                         where tenant_id = :tenant and sender_id = :user order by id desc limit :limit""")
                .param("tenant", tenantId).param("user", userId).param("limit", MAX_ITEMS)
                .query((rs, n) -> row("id", rs.getLong("id"), "text", rs.getString("text"),
                        "status", rs.getString("status"), "sendAt", time(rs, "send_at"), "sentAt", time(rs, "sent_at"),
                        "cancelledAt", time(rs, "cancelled_at"), "recipientCount", rs.getInt("recipient_count")))
                .list();
        for (Map<String, Object> ding : items) {
            ding.put("recipients", jdbc.sql("""
                            select user_id, confirmed_at from msg_ding_recipient where ding_id = :ding
                             order by user_id""")
                    .param("ding", ding.get("id"))
                    .query((rs, n) -> row("userId", rs.getString("user_id"), "confirmedAt", time(rs, "confirmed_at")))
                    .list());
        }
        return bounded(total, items, items.size() < total);
    }

    private Map<String, Object> dingsReceived(long tenantId, String userId) {
        long total = count("select count(*) from msg_ding_recipient where tenant_id = :tenant and user_id = :user",
                tenantId, userId);
        List<Map<String, Object>> items = jdbc.sql("""
                        select d.id, d.sender_id, d.text, d.sent_at, r.confirmed_at, r.reminders_sent
                          from msg_ding_recipient r join msg_ding d on d.id = r.ding_id
                         where r.tenant_id = :tenant and r.user_id = :user order by d.id desc limit :limit""")
                .param("tenant", tenantId).param("user", userId).param("limit", MAX_ITEMS)
                .query((rs, n) -> row("id", rs.getLong("id"), "senderId", rs.getString("sender_id"),
                        "text", rs.getString("text"), "sentAt", time(rs, "sent_at"),
                        "confirmedAt", time(rs, "confirmed_at"), "remindersSent", rs.getInt("reminders_sent")))
                .list();
        return bounded(total, items, items.size() < total);
    }

    private Map<String, Object> notifications(long tenantId, String userId) {
        long total = count("select count(*) from msg_notice_recipient where tenant_id = :tenant and user_id = :user",
                tenantId, userId);
        List<Map<String, Object>> items = jdbc.sql("""
                        select t.id, t.sender_name, t.content, t.recalled_at, r.outcome, r.created_at, r.read_at
                          from msg_notice_recipient r join msg_notice_task t on t.id = r.task_id
                         where r.tenant_id = :tenant and r.user_id = :user order by r.task_id desc limit :limit""")
                .param("tenant", tenantId).param("user", userId).param("limit", MAX_ITEMS)
                .query((rs, n) -> row("id", rs.getLong("id"), "senderName", rs.getString("sender_name"),
                        "content", parse(rs.getString("content")), "delivered", rs.getInt("outcome") == 1,
                        "receivedAt", time(rs, "created_at"), "readAt", time(rs, "read_at"),
                        "recalledAt", time(rs, "recalled_at")))
                .list();
        return bounded(total, items, items.size() < total);
    }

    private List<Map<String, Object>> robots(long tenantId, String userId) {
        return jdbc.sql("""
                        select id, conversation_id, name, enabled, created_at from msg_robot
                         where tenant_id = :tenant and created_by = :user order by id limit :limit""")
                .param("tenant", tenantId).param("user", userId).param("limit", MAX_ITEMS)
                .query((rs, n) -> row("id", rs.getLong("id"), "conversationId", rs.getString("conversation_id"),
                        "name", rs.getString("name"), "enabled", rs.getBoolean("enabled"),
                        "createdAt", time(rs, "created_at")))
                .list();
    }

    private long count(String sql, long tenantId, String userId) {
        return jdbc.sql(sql).param("tenant", tenantId).param("user", userId).query(Long.class).single();
    }

    private Object parse(String content) {
        try {
            return json.readValue(content, Object.class);
        } catch (JsonProcessingException e) {
            return content;
        }
    }

    private static Map<String, Object> bounded(long total, List<Map<String, Object>> items, boolean truncated) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("total", total);
        list.put("truncated", truncated);
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
