package hk.lantau.messaging.internal.notice;

import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.internal.sql.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person's received notifications that were not recalled, newest first. */
@Repository
class NoticeInboxRepository {

    private static final String RECEIVED = """
            select t.id, t.sender_kind, t.sender_id, t.sender_name, t.content, r.created_at, r.read_at
              from msg_notice_recipient r join msg_notice_task t on t.id = r.task_id
             where r.tenant_id = :tenant and r.user_id = :user and r.outcome = 1 and t.recalled_at is null
            """;

    private final JdbcClient jdbc;

    NoticeInboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A received notification with its content's JSON. */
    record Received(long id, MessageAuthor sender, String content, Instant sentAt, Instant readAt) {
    }

    List<Received> page(long tenantId, String userId, Long beforeId, int limit) {
        return jdbc.sql(RECEIVED + " and r.task_id < :before order by r.task_id desc limit :limit")
                .param("tenant", tenantId).param("user", userId)
                .param("before", beforeId == null ? Long.MAX_VALUE : beforeId).param("limit", limit)
                .query((rs, n) -> received(rs)).list();
    }

    Optional<Received> find(long tenantId, String userId, long taskId) {
        return jdbc.sql(RECEIVED + " and r.task_id = :task")
                .param("tenant", tenantId).param("user", userId).param("task", taskId)
                .query((rs, n) -> received(rs)).optional();
    }

    int unread(long tenantId, String userId) {
        return jdbc.sql("""
                        select count(*) from msg_notice_recipient r join msg_notice_task t on t.id = r.task_id
                         where r.tenant_id = :tenant and r.user_id = :user and r.outcome = 1 and r.read_at is null
                           and t.recalled_at is null""")
                .param("tenant", tenantId).param("user", userId).query(Integer.class).single();
    }

    /** Keeps the first time it was read. */
    void markRead(long tenantId, String userId, long taskId, Instant now) {
        jdbc.sql("""
                        update msg_notice_recipient set read_at = :now
                         where tenant_id = :tenant and task_id = :task and user_id = :user and read_at is null""")
                .param("now", SqlTimes.utc(now)).param("tenant", tenantId).param("task", taskId).param("user", userId)
                .update();
    }

    private static Received received(ResultSet rs) throws SQLException {
        MessageAuthor sender = new MessageAuthor(MessageAuthor.Kind.valueOf(rs.getString("sender_kind")),
                rs.getString("sender_id"), rs.getString("sender_name"));
        return new Received(rs.getLong("id"), sender, rs.getString("content"), SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "read_at"));
    }
}
