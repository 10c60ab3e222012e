package hk.lantau.approval.internal.time;

import hk.lantau.approval.TimeoutAction;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Running tasks past their time-out, and what the job did to each. */
@Repository
class TaskTimeouts {

    private final JdbcClient jdbc;

    TaskTimeouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Due(long tenantId, long taskId, String instanceId, String assigneeUserId, TimeoutAction action,
               String processCode, int templateVersion) {
    }

    /** Tasks of every organisation whose time-out has come and that no run has handled, oldest due first. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                        select t.tenant_id, t.id, t.instance_id, t.assignee_userid, t.timeout_action, i.process_code,
                               i.template_version
                          from apr_task t
                          join apr_instance i on i.tenant_id = t.tenant_id and i.instance_id = t.instance_id
                         where t.status = 'RUNNING' and t.due_at <= :now
                           and t.timeout_action in ('ESCALATE', 'AUTO_APPROVE', 'AUTO_REJECT')
                           and not exists (select 1 from apr_task_timeout x
                                            where x.tenant_id = t.tenant_id and x.task_id = t.id)
                         order by t.due_at, t.id limit :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        TimeoutAction.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7))).list();
    }

    /** Claims the task inside the caller's transaction; false when a run already handled it. */
    boolean claim(Due task, Instant now) {
        return jdbc.sql("""
                        insert into apr_task_timeout (tenant_id, task_id, action, outcome, handled_at)
                        select :tenantId, :taskId, :action, 'CLAIMED', :now
                         where not exists (select 1 from apr_task_timeout
                                            where tenant_id = :tenantId and task_id = :taskId)""")
                .param("tenantId", task.tenantId()).param("taskId", task.taskId())
                .param("action", task.action().name()).param("now", Timestamp.from(now)).update() == 1;
    }

    void outcome(Due task, String outcome, String toUserId, String reason) {
        jdbc.sql("""
                        update apr_task_timeout set outcome = :outcome, to_userid = :to, reason = :reason
                         where tenant_id = :tenantId and task_id = :taskId""")
                .param("outcome", outcome).param("to", toUserId).param("reason", trim(reason))
                .param("tenantId", task.tenantId()).param("taskId", task.taskId()).update();
    }

    /** Records a failure in its own transaction, after the attempt's own rolled back. */
    void failed(Due task, String reason, Instant now) {
        jdbc.sql("""
                        insert into apr_task_timeout (tenant_id, task_id, action, outcome, reason, handled_at)
                        select :tenantId, :taskId, :action, 'FAILED', :reason, :now
                         where not exists (select 1 from apr_task_timeout
                                            where tenant_id = :tenantId and task_id = :taskId)""")
                .param("tenantId", task.tenantId()).param("taskId", task.taskId())
                .param("action", task.action().name()).param("reason", trim(reason))
                .param("now", Timestamp.from(now)).update();
    }

    private static String trim(String reason) {
        return reason == null || reason.length() <= 200 ? reason : reason.substring(0, 200);
    }
}
