package hk.lantau.approval.internal.engine;

import static hk.lantau.approval.internal.engine.TemplateRepository.instant;
import static hk.lantau.approval.internal.engine.TemplateRepository.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.AttachmentRef;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.OperationRecord;
import hk.lantau.approval.OperationType;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** apr_operation: an instance's history in DingTalk's operation_records shape. */
@Repository
class OperationRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OperationRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(long tenantId, String instanceId, OperationRecord record) {
        jdbc.sql("""
                        insert into apr_operation (tenant_id, instance_id, userid, operation, result, remark,
                                                   attachments, cc_userids, activity_id, show_name, created_at)
                        values (:tenantId, :instanceId, :userId, :operation, :result, :remark, :attachments, :ccs,
                                :activityId, :showName, :at)""")
                .param("tenantId", tenantId).param("instanceId", instanceId).param("userId", record.userId())
                .param("operation", record.type().name())
                .param("result", record.result() == null ? null : record.result().wire())
                .param("remark", record.remark())
                .param("attachments", record.attachments().isEmpty() ? null : write(record.attachments()))
                .param("ccs", record.ccUserIds().isEmpty() ? null : write(record.ccUserIds()))
                .param("activityId", record.activityId()).param("showName", record.showName())
                .param("at", ts(record.date())).update();
    }

    List<OperationRecord> ofInstance(long tenantId, String instanceId) {
        return jdbc.sql("select * from apr_operation where tenant_id = :tenantId and instance_id = :id order by id")
                .param("tenantId", tenantId).param("id", instanceId)
                .query((rs, n) -> {
                    String result = rs.getString("result");
                    return new OperationRecord(rs.getString("userid"), instant(rs, "created_at"),
                            OperationType.valueOf(rs.getString("operation")),
                            result == null ? null : InstanceResult.valueOf(result.toUpperCase(Locale.ROOT)),
                            rs.getString("remark"),
                            read(rs.getString("attachments"), new TypeReference<List<AttachmentRef>>() { }),
                            read(rs.getString("cc_userids"), new TypeReference<List<String>>() { }),
                            rs.getString("activity_id"), rs.getString("show_name"));
                })
                .list();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored operation did not parse", e);
        }
    }
}
