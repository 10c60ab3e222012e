package hk.lantau.messaging.internal.notice;

import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.internal.sql.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code msg_notice_task} and {@code msg_notice_target} rows. */
@Repository
class NoticeTaskRepository {

    private static final String COLUMNS = "id, tenant_id, sender_kind, sender_id, sender_name, content, content_hash, "
            + "to_all, user_count, department_ids, invalid_department_ids, status, estimated, processed, "
            + "cursor_user_id, created_at, finished_at, recalled_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    NoticeTaskRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(long tenantId, MessageAuthor sender, String content, String contentHash, boolean toAll,
                int userCount, List<Long> departmentIds, List<Long> invalidDepartmentIds, int status, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into msg_notice_task (tenant_id, sender_kind, sender_id, sender_name, content, content_hash,
                                                     to_all, user_count, department_ids, invalid_department_ids, status,
                                                     created_at)
                        values (:tenant, :kind, :senderId, :name, :content, :hash, :toAll, :userCount, :departments,
                                :invalidDepartments, :status, :now)""")
                .param("tenant", tenantId).param("kind", sender.kind().name()).param("senderId", sender.id())
                .param("name", sender.name()).param("content", content).param("hash", contentHash)
                .param("toAll", toAll).param("userCount", userCount).param("departments", ids(departmentIds))
                .param("invalidDepartments", ids(invalidDepartmentIds)).param("status", status)
                .param("now", SqlTimes.utc(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void insertTargets(long taskId, List<String> userIds) {
        template.batchUpdate("insert into msg_notice_target (task_id, user_id) values (?, ?)",
                userIds.stream().map(u -> new Object[] {taskId, u}).toList());
    }

    Optional<TaskRow> find(long tenantId, long taskId) {
        return jdbc.sql("select " + COLUMNS + " from msg_notice_task where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", taskId).query(NoticeTaskRepository::map).optional();
    }

    /** Locks the task for a change; serialises a recall with a batch of the delivery job. */
    Optional<TaskRow> lock(long tenantId, long taskId) {
        return jdbc.sql("select " + COLUMNS + " from msg_notice_task where tenant_id = :tenant and id = :id for update")
                .param("tenant", tenantId).param("id", taskId).query(NoticeTaskRepository::map).optional();
    }

    /** Locks the task while {@code owner} still holds its lease. */
    Optional<TaskRow> lockLeased(long taskId, String owner) {
        return jdbc.sql("select " + COLUMNS + " from msg_notice_task where id = :id and lease_owner = :owner for update")
                .param("id", taskId).param("owner", owner).query(NoticeTaskRepository::map).optional();
    }

    /** Tasks not done whose lease is free, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id from msg_notice_task
                         where status < 2 and (lease_until is null or lease_until < :now)
                         order by id limit :limit""")
                .param("now", SqlTimes.utc(now)).param("limit", limit).query(Long.class).list();
    }

    boolean claim(long taskId, String owner, Instant now, Instant until) {
        return jdbc.sql("""
                        update msg_notice_task set lease_owner = :owner, lease_until = :until
                         where id = :id and status < 2 and (lease_until is null or lease_until < :now)""")
                .param("owner", owner).param("until", SqlTimes.utc(until)).param("id", taskId)
                .param("now", SqlTimes.utc(now)).update() == 1;
    }

    void start(long taskId, int estimated) {
        jdbc.sql("update msg_notice_task set status = 1, estimated = :estimated where id = :id")
                .param("estimated", estimated).param("id", taskId).update();
    }

    void advance(long taskId, String cursor, int handled, Instant leaseUntil) {
        jdbc.sql("""
                        update msg_notice_task set cursor_user_id = :cursor, processed = processed + :handled,
                               lease_until = :until
                         where id = :id""")
                .param("cursor", cursor).param("handled", handled).param("until", SqlTimes.utc(leaseUntil))
                .param("id", taskId).update();
    }

    void finish(long taskId, Instant now) {
        jdbc.sql("""
                        update msg_notice_task set status = 2, finished_at = :now, lease_owner = null, lease_until = null
                         where id = :id""")
                .param("now", SqlTimes.utc(now)).param("id", taskId).update();
        jdbc.sql("delete from msg_notice_target where task_id = :id").param("id", taskId).update();
    }

    void release(long taskId, String owner) {
        jdbc.sql("update msg_notice_task set lease_owner = null, lease_until = null where id = :id and lease_owner = :owner")
                .param("id", taskId).param("owner", owner).update();
    }

    void markRecalled(long taskId, Instant now) {
        jdbc.sql("update msg_notice_task set recalled_at = :now where id = :id")
                .param("now", SqlTimes.utc(now)).param("id", taskId).update();
    }

    /** The named userids after {@code after}, in userid order. */
    List<String> targets(long taskId, String after, int limit) {
        return jdbc.sql("""
                        select user_id from msg_notice_target where task_id = :id and user_id > :after
                         order by user_id limit :limit""")
                .param("id", taskId).param("after", after == null ? "" : after).param("limit", limit)
                .query(String.class).list();
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static List<Long> parseIds(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(" ")).map(Long::valueOf).toList();
    }

    private static TaskRow map(ResultSet rs, int row) throws SQLException {
        MessageAuthor sender = new MessageAuthor(MessageAuthor.Kind.valueOf(rs.getString("sender_kind")),
                rs.getString("sender_id"), rs.getString("sender_name"));
        return new TaskRow(rs.getLong("id"), rs.getLong("tenant_id"), sender, rs.getString("content"),
                rs.getString("content_hash"), rs.getBoolean("to_all"), rs.getInt("user_count"),
                parseIds(rs.getString("department_ids")), parseIds(rs.getString("invalid_department_ids")),
                rs.getInt("status"), rs.getInt("estimated"), rs.getInt("processed"), rs.getString("cursor_user_id"),
                SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "finished_at"), SqlTimes.instant(rs, "recalled_at"));
    }
}
