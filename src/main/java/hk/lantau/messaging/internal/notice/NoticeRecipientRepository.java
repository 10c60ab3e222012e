package hk.lantau.messaging.internal.notice;

import hk.lantau.messaging.NotificationRecipient;
import hk.lantau.messaging.RecipientState;
import hk.lantau.messaging.internal.sql.SqlTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code msg_notice_recipient} rows: what each task did for each person, and what they read. */
@Repository
class NoticeRecipientRepository {

    static final int DELIVERED = 1;
    static final int INVALID = 2;
    static final int FORBIDDEN = 3;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    NoticeRecipientRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One outcome per person; {@code codes} holds the limit's code of forbidden people. */
    void insert(long tenantId, long taskId, Collection<String> userIds, int outcome, Map<String, Integer> codes,
                Instant now) {
        if (userIds.isEmpty()) {
            return;
        }
        var at = SqlTimes.utc(now);
        List<Object[]> rows = new ArrayList<>(userIds.size());
        for (String user : userIds) {
            rows.add(new Object[] {tenantId, taskId, user, outcome, codes.get(user), at});
        }
        template.batchUpdate("insert into msg_notice_recipient (tenant_id, task_id, user_id, outcome, code, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", rows);
    }

    /** Of these people, those who received this content (by hash) since {@code since} from another task. */
    Set<String> receivedSame(long tenantId, long taskId, String contentHash, Collection<String> userIds,
                             Instant since) {
        return new HashSet<>(jdbc.sql("""
                        select distinct r.user_id from msg_notice_recipient r
                          join msg_notice_task t on t.id = r.task_id
                         where t.tenant_id = :tenant and t.content_hash = :hash and t.id <> :task
                           and r.tenant_id = :tenant and r.user_id in (:users) and r.outcome = 1
                           and r.created_at > :since""")
                .param("tenant", tenantId).param("hash", contentHash).param("task", taskId)
                .param("users", userIds).param("since", SqlTimes.utc(since))
                .query(String.class).list());
    }

    /** How many notifications each of these people received from apps and people since {@code since}. */
    Map<String, Integer> receivedCounts(long tenantId, Collection<String> userIds, Instant since) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select r.user_id, count(*) from msg_notice_recipient r
                          join msg_notice_task t on t.id = r.task_id
                         where r.tenant_id = :tenant and r.user_id in (:users) and r.outcome = 1
                           and r.created_at > :since and t.sender_kind <> 'SYSTEM'
                         group by r.user_id""")
                .param("tenant", tenantId).param("users", userIds).param("since", SqlTimes.utc(since))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Counts of a task by state. */
    Map<RecipientState, Integer> counts(long taskId) {
        Map<RecipientState, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select outcome, case when read_at is null then 0 else 1 end, count(*)
                          from msg_notice_recipient where task_id = :task
                         group by outcome, case when read_at is null then 0 else 1 end""")
                .param("task", taskId)
                .query(rs -> {
                    RecipientState state = state(rs.getInt(1), rs.getInt(2) == 1);
                    counts.merge(state, rs.getInt(3), Integer::sum);
                });
        return counts;
    }

    List<NotificationRecipient> list(long taskId, RecipientState state, String after, int limit) {
        String condition = switch (state) {
            case READ -> "outcome = 1 and read_at is not null";
            case UNREAD -> "outcome = 1 and read_at is null";
            case INVALID -> "outcome = 2";
            case FORBIDDEN -> "outcome = 3";
        };
        return jdbc.sql("select user_id, outcome, code, read_at from msg_notice_recipient where task_id = :task and "
                        + condition + " and user_id > :after order by user_id limit :limit")
                .param("task", taskId).param("after", after == null ? "" : after).param("limit", limit)
                .query((rs, n) -> {
                    Instant readAt = SqlTimes.instant(rs, "read_at");
                    int code = rs.getInt("code");
                    return new NotificationRecipient(rs.getString("user_id"),
                            state(rs.getInt("outcome"), readAt != null), readAt, rs.wasNull() ? null : code);
                })
                .list();
    }

    /** The people who received the task, after {@code after} in userid order. */
    List<String> delivered(long taskId, String after, int limit) {
        return jdbc.sql("""
                        select user_id from msg_notice_recipient where task_id = :task and outcome = 1 and user_id > :after
                         order by user_id limit :limit""")
                .param("task", taskId).param("after", after == null ? "" : after).param("limit", limit)
                .query(String.class).list();
    }

    private static RecipientState state(int outcome, boolean read) {
        return switch (outcome) {
            case DELIVERED -> read ? RecipientState.READ : RecipientState.UNREAD;
            case INVALID -> RecipientState.INVALID;
            default -> RecipientState.FORBIDDEN;
        };
    }
}
