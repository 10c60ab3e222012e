package hk.lantau.approval.internal.engine;

import static hk.lantau.approval.internal.engine.TemplateRepository.instant;
import static hk.lantau.approval.internal.engine.TemplateRepository.ts;

import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.TaskStatus;
import hk.lantau.approval.TimeoutAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** apr_task: every task ever given to someone, mirrored from Flowable's running tasks. */
@Repository
class TaskRepository {

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record TaskRow(long id, long tenantId, String instanceId, String activityId, String activityName,
                   String assignee, TaskStatus status, InstanceResult result, String flowableTaskId,
                   Instant createdAt, Instant finishedAt, Instant dueAt, TimeoutAction timeoutAction) {

        boolean running() {
            return status == TaskStatus.RUNNING;
        }
    }

    long insert(TaskRow row) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into apr_task (tenant_id, instance_id, activity_id, activity_name, assignee_userid,
                                              status, result, flowable_task_id, created_at, finished_at, due_at,
                                              timeout_action)
                        values (:tenantId, :instanceId, :activityId, :activityName, :assignee, :status, :result,
                                :flowableTaskId, :createdAt, :finishedAt, :dueAt, :timeoutAction)""")
                .param("tenantId", row.tenantId()).param("instanceId", row.instanceId())
                .param("activityId", row.activityId()).param("activityName", row.activityName())
                .param("assignee", row.assignee()).param("status", row.status().name())
                .param("result", row.result() == null ? null : row.result().wire())
                .param("flowableTaskId", row.flowableTaskId()).param("createdAt", ts(row.createdAt()))
                .param("finishedAt", ts(row.finishedAt())).param("dueAt", ts(row.dueAt()))
                .param("timeoutAction", row.timeoutAction() == null ? null : row.timeoutAction().name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<TaskRow> find(long tenantId, long taskId) {
        return jdbc.sql("select * from apr_task where tenant_id = :tenantId and id = :id")
                .param("tenantId", tenantId).param("id", taskId).query(TaskRepository::row).optional();
    }

    List<TaskRow> ofInstance(long tenantId, String instanceId) {
        return jdbc.sql("select * from apr_task where tenant_id = :tenantId and instance_id = :id order by id")
                .param("tenantId", tenantId).param("id", instanceId).query(TaskRepository::row).list();
    }

    /** Ends a running task; false when it had already ended. */
    boolean finish(long tenantId, long taskId, TaskStatus status, InstanceResult result, Instant at) {
        return jdbc.sql("""
                        update apr_task set status = :status, result = :result, finished_at = :at
                         where tenant_id = :tenantId and id = :id and status = 'RUNNING'""")
                .param("status", status.name()).param("result", result == null ? null : result.wire())
                .param("at", ts(at)).param("tenantId", tenantId).param("id", taskId).update() == 1;
    }

    /**
     * Marks a running task handed to someone else; it lets go of its Flowable task, which the new
     * task of the new assignee takes over.
     */
    boolean redirect(long tenantId, long taskId, Instant at) {
        return jdbc.sql("""
                        update apr_task set status = 'REDIRECTED', finished_at = :at, flowable_task_id = null
                         where tenant_id = :tenantId and id = :id and status = 'RUNNING'""")
                .param("at", ts(at)).param("tenantId", tenantId).param("id", taskId).update() == 1;
    }

    boolean involved(long tenantId, String instanceId, String userId) {
        return jdbc.sql("""
                        select count(*) from apr_task
                         where tenant_id = :tenantId and instance_id = :id and assignee_userid = :u""")
                .param("tenantId", tenantId).param("id", instanceId).param("u", userId).query(Long.class).single() > 0;
    }

    /** The person's pending tasks oldest first, or their ended ones newest first, after the cursor id. */
    List<TaskRow> mine(long tenantId, String userId, boolean pending, Long afterId, int limit) {
        String sql = pending
                ? """
                  select * from apr_task where tenant_id = :tenantId and assignee_userid = :u and status = 'RUNNING'
                     and id > :after order by id limit :limit"""
                : """
                  select * from apr_task where tenant_id = :tenantId and assignee_userid = :u and status <> 'RUNNING'
                     and id < :after order by id desc limit :limit""";
        return jdbc.sql(sql).param("tenantId", tenantId).param("u", userId)
                .param("after", afterId != null ? afterId : pending ? 0L : Long.MAX_VALUE)
                .param("limit", limit).query(TaskRepository::row).list();
    }

    /** Running tasks of an organisation oldest first, for reminders. */
    List<TaskRow> pending(long tenantId, long afterId, int limit) {
        return jdbc.sql("""
                        select * from apr_task where tenant_id = :tenantId and status = 'RUNNING'
                           and id > :after order by id limit :limit""")
                .param("tenantId", tenantId).param("after", afterId)
                .param("limit", limit).query(TaskRepository::row).list();
    }

    private static TaskRow row(ResultSet rs, int n) throws SQLException {
        String result = rs.getString("result");
        String action = rs.getString("timeout_action");
        return new TaskRow(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("instance_id"),
                rs.getString("activity_id"), rs.getString("activity_name"), rs.getString("assignee_userid"),
                TaskStatus.valueOf(rs.getString("status")),
                result == null ? null : InstanceResult.valueOf(result.toUpperCase(Locale.ROOT)),
                rs.getString("flowable_task_id"), instant(rs, "created_at"), instant(rs, "finished_at"),
                instant(rs, "due_at"), action == null ? null : TimeoutAction.valueOf(action));
    }
}
