package hk.lantau.approval.internal.engine;

import static hk.lantau.approval.internal.engine.TemplateRepository.instant;
import static hk.lantau.approval.internal.engine.TemplateRepository.ts;

import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.InstanceSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** apr_instance and apr_cc. */
@Repository
class InstanceRepository {

    private final JdbcClient jdbc;

    InstanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record InstanceRow(long tenantId, String instanceId, String processCode, int templateVersion, String title,
                       String originatorUserId, long departmentId, InstanceStatus status, InstanceResult result,
                       String formValues, String approverChoices, String clientRequestId, String flowableInstanceId,
                       Instant createdAt, Instant finishedAt) {

        boolean running() {
            return status == InstanceStatus.RUNNING;
        }
    }

    void insert(InstanceRow row) {
        jdbc.sql("""
                        insert into apr_instance (tenant_id, instance_id, process_code, template_version, title,
                                                  originator_userid, department_id, status, result, form_values,
                                                  approver_choices, client_request_id, created_at)
                        values (:tenantId, :instanceId, :code, :version, :title, :originator, :departmentId,
                                'RUNNING', null, :formValues, :choices, :requestId, :createdAt)""")
                .param("tenantId", row.tenantId()).param("instanceId", row.instanceId())
                .param("code", row.processCode()).param("version", row.templateVersion())
                .param("title", row.title()).param("originator", row.originatorUserId())
                .param("departmentId", row.departmentId()).param("formValues", row.formValues())
                .param("choices", row.approverChoices()).param("requestId", row.clientRequestId())
                .param("createdAt", ts(row.createdAt())).update();
    }

    void linkFlowable(long tenantId, String instanceId, String flowableInstanceId) {
        jdbc.sql("update apr_instance set flowable_instance_id = :pid where tenant_id = :tenantId and instance_id = :id")
                .param("pid", flowableInstanceId).param("tenantId", tenantId).param("id", instanceId).update();
    }

    Optional<InstanceRow> find(long tenantId, String instanceId) {
        return jdbc.sql("select * from apr_instance where tenant_id = :tenantId and instance_id = :id")
                .param("tenantId", tenantId).param("id", instanceId).query(InstanceRepository::row).optional();
    }

    /**
     * The instance locked until the transaction ends: every change to a running instance takes this
     * lock first, so decisions on one instance happen one after another.
     */
    Optional<InstanceRow> lock(long tenantId, String instanceId) {
        return jdbc.sql("select * from apr_instance where tenant_id = :tenantId and instance_id = :id for update")
                .param("tenantId", tenantId).param("id", instanceId).query(InstanceRepository::row).optional();
    }

    Optional<InstanceRow> findByRequest(long tenantId, String originator, String clientRequestId) {
        return jdbc.sql("""
                        select * from apr_instance
                         where tenant_id = :tenantId and originator_userid = :originator and client_request_id = :rid""")
                .param("tenantId", tenantId).param("originator", originator).param("rid", clientRequestId)
                .query(InstanceRepository::row).optional();
    }

    /** Ends a running instance; false when it had already ended. */
    boolean finish(long tenantId, String instanceId, InstanceStatus status, InstanceResult result, Instant at) {
        return jdbc.sql("""
                        update apr_instance set status = :status, result = :result, finished_at = :at
                         where tenant_id = :tenantId and instance_id = :id and status = 'RUNNING'""")
                .param("status", status.name()).param("result", result == null ? null : result.wire())
                .param("at", ts(at)).param("tenantId", tenantId).param("id", instanceId).update() == 1;
    }

    /** Adds people to the instance's CCs; returns those who were not copied before. */
    List<String> addCcs(long tenantId, String instanceId, List<String> userIds, Instant at) {
        List<String> already = ccs(tenantId, instanceId);
        List<String> added = userIds.stream().distinct().filter(u -> !already.contains(u)).toList();
        for (String userId : added) {
            jdbc.sql("""
                            insert into apr_cc (tenant_id, instance_id, userid, created_at)
                            values (:tenantId, :id, :userId, :at)""")
                    .param("tenantId", tenantId).param("id", instanceId).param("userId", userId).param("at", ts(at))
                    .update();
        }
        return added;
    }

    List<String> ccs(long tenantId, String instanceId) {
        return jdbc.sql("select userid from apr_cc where tenant_id = :tenantId and instance_id = :id order by created_at, userid")
                .param("tenantId", tenantId).param("id", instanceId).query(String.class).list();
    }

    boolean isCc(long tenantId, String instanceId, String userId) {
        return jdbc.sql("select count(*) from apr_cc where tenant_id = :tenantId and instance_id = :id and userid = :u")
                .param("tenantId", tenantId).param("id", instanceId).param("u", userId).query(Long.class).single() > 0;
    }

    /**
     * Instances newest first, after the cursor position (created_at, instance_id), filtered as
     * asked; {@code visibleTo} limits them to those the person may see.
     */
    List<InstanceSummary> search(long tenantId, SearchFilter filter, Instant beforeTime, String beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select * from apr_instance i where i.tenant_id = :tenantId");
        var params = new java.util.LinkedHashMap<String, Object>();
        params.put("tenantId", tenantId);
        if (filter.originator() != null) {
            sql.append(" and i.originator_userid = :originator");
            params.put("originator", filter.originator());
        }
        if (filter.processCode() != null) {
            sql.append(" and i.process_code = :code");
            params.put("code", filter.processCode());
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" and i.status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (!filter.originators().isEmpty()) {
            sql.append(" and i.originator_userid in (:originators)");
            params.put("originators", filter.originators());
        }
        if (filter.from() != null) {
            sql.append(" and i.created_at >= :from");
            params.put("from", ts(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and i.created_at < :to");
            params.put("to", ts(filter.to()));
        }
        if (beforeTime != null) {
            sql.append(" and (i.created_at < :beforeTime or (i.created_at = :beforeTime and i.instance_id < :beforeId))");
            params.put("beforeTime", ts(beforeTime));
            params.put("beforeId", beforeId);
        }
        sql.append(" order by i.created_at desc, i.instance_id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(InstanceRepository::row).list().stream()
                .map(r -> new InstanceSummary(r.instanceId(), r.processCode(), r.title(), r.originatorUserId(),
                        r.status(), r.result(), r.createdAt(), r.finishedAt()))
                .toList();
    }

    record SearchFilter(String originator, String processCode, List<InstanceStatus> statuses, List<String> originators,
                        Instant from, Instant to) {
    }

    private static InstanceRow row(ResultSet rs, int n) throws SQLException {
        String result = rs.getString("result");
        return new InstanceRow(rs.getLong("tenant_id"), rs.getString("instance_id"), rs.getString("process_code"),
                rs.getInt("template_version"), rs.getString("title"), rs.getString("originator_userid"),
                rs.getLong("department_id"), InstanceStatus.valueOf(rs.getString("status")),
                result == null ? null : InstanceResult.valueOf(result.toUpperCase(java.util.Locale.ROOT)),
                rs.getString("form_values"), rs.getString("approver_choices"), rs.getString("client_request_id"),
                rs.getString("flowable_instance_id"), instant(rs, "created_at"), instant(rs, "finished_at"));
    }
}
