package hk.lantau.approval.internal.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Running tasks as the digest lists them. */
@Repository
class PendingTasks {

    private final JdbcClient jdbc;

    PendingTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Approver(String userId, int pending) {
    }

    record Pending(long taskId, String instanceId, String title, Instant since) {
    }

    /** Everyone with running tasks in the organisation, in userid order, after {@code afterUserId}. */
    List<Approver> approvers(long tenantId, String afterUserId, int limit) {
        return jdbc.sql("""
                        select assignee_userid, count(*) from apr_task
                         where tenant_id = :tenantId and status = 'RUNNING' and assignee_userid > :after
                         group by assignee_userid order by assignee_userid limit :limit""")
                .param("tenantId", tenantId).param("after", afterUserId == null ? "" : afterUserId)
                .param("limit", limit)
                .query((rs, n) -> new Approver(rs.getString(1), rs.getInt(2))).list();
    }

    /** The person's oldest running tasks first. */
    List<Pending> of(long tenantId, String userId, int limit) {
        return jdbc.sql("""
                        select t.id, t.instance_id, i.title, t.created_at from apr_task t
                          join apr_instance i on i.tenant_id = t.tenant_id and i.instance_id = t.instance_id
                         where t.tenant_id = :tenantId and t.assignee_userid = :userId and t.status = 'RUNNING'
                         order by t.created_at, t.id limit :limit""")
                .param("tenantId", tenantId).param("userId", userId).param("limit", limit)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
