package hk.lantau.approval.internal.engine;

import hk.lantau.approval.ApprovalTemplates.VariableValue;
import hk.lantau.approval.TemplateSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** apr_template, apr_template_version and apr_variable_value. */
@Repository
class TemplateRepository {

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record TemplateRow(long tenantId, String processCode, String name, String groupName, int latestVersion,
                       boolean enabled, String createdBy, Instant createdAt, Instant updatedAt) {
    }

    record VersionRow(int version, String definition, String bpmn, String processDefinitionId, String createdBy,
                      Instant createdAt) {
    }

    void insert(TemplateRow row) {
        jdbc.sql("""
                        insert into apr_template (tenant_id, process_code, name, group_name, latest_version, enabled,
                                                  created_by, created_at, updated_at)
                        values (:tenantId, :code, :name, :groupName, :version, :enabled, :createdBy, :createdAt,
                                :updatedAt)""")
                .param("tenantId", row.tenantId()).param("code", row.processCode()).param("name", row.name())
                .param("groupName", row.groupName()).param("version", row.latestVersion())
                .param("enabled", row.enabled()).param("createdBy", row.createdBy())
                .param("createdAt", ts(row.createdAt())).param("updatedAt", ts(row.updatedAt())).update();
    }

    void insertVersion(long tenantId, String processCode, VersionRow row) {
        jdbc.sql("""
                        insert into apr_template_version (tenant_id, process_code, version, definition, bpmn,
                                                          process_definition_id, created_by, created_at)
                        values (:tenantId, :code, :version, :definition, :bpmn, :pdId, :createdBy, :createdAt)""")
                .param("tenantId", tenantId).param("code", processCode).param("version", row.version())
                .param("definition", row.definition()).param("bpmn", row.bpmn())
                .param("pdId", row.processDefinitionId()).param("createdBy", row.createdBy())
                .param("createdAt", ts(row.createdAt())).update();
    }

    Optional<TemplateRow> find(long tenantId, String processCode) {
        return jdbc.sql("select * from apr_template where tenant_id = :tenantId and process_code = :code")
                .param("tenantId", tenantId).param("code", processCode).query(TemplateRepository::template).optional();
    }

    /** The template row locked until the transaction ends, so two saves never make the same version. */
    Optional<TemplateRow> lock(long tenantId, String processCode) {
        return jdbc.sql("select * from apr_template where tenant_id = :tenantId and process_code = :code for update")
                .param("tenantId", tenantId).param("code", processCode).query(TemplateRepository::template).optional();
    }

    List<TemplateRow> list(long tenantId, boolean includeDisabled) {
        return jdbc.sql("select * from apr_template where tenant_id = :tenantId"
                        + (includeDisabled ? "" : " and enabled = true") + " order by group_name, name, process_code")
                .param("tenantId", tenantId).query(TemplateRepository::template).list();
    }

    Optional<VersionRow> version(long tenantId, String processCode, int version) {
        return jdbc.sql("""
                        select * from apr_template_version
                         where tenant_id = :tenantId and process_code = :code and version = :version""")
                .param("tenantId", tenantId).param("code", processCode).param("version", version)
                .query((rs, n) -> new VersionRow(rs.getInt("version"), rs.getString("definition"),
                        rs.getString("bpmn"), rs.getString("process_definition_id"), rs.getString("created_by"),
                        instant(rs, "created_at")))
                .optional();
    }

    void saveVersion(long tenantId, String processCode, String name, String groupName, int version, Instant now) {
        jdbc.sql("""
                        update apr_template set latest_version = :version, name = :name, group_name = :groupName,
                               updated_at = :now
                         where tenant_id = :tenantId and process_code = :code""")
                .param("version", version).param("name", name).param("groupName", groupName).param("now", ts(now))
                .param("tenantId", tenantId).param("code", processCode).update();
    }

    void setEnabled(long tenantId, String processCode, boolean enabled, Instant now) {
        jdbc.sql("""
                        update apr_template set enabled = :enabled, updated_at = :now
                         where tenant_id = :tenantId and process_code = :code""")
                .param("enabled", enabled).param("now", ts(now)).param("tenantId", tenantId)
                .param("code", processCode).update();
    }

    void setVariable(long tenantId, String processCode, String key, long departmentId, String value) {
        jdbc.sql("""
                        delete from apr_variable_value
                         where tenant_id = :tenantId and process_code = :code and var_key = :key
                           and department_id = :departmentId""")
                .param("tenantId", tenantId).param("code", processCode).param("key", key)
                .param("departmentId", departmentId).update();
        if (value != null) {
            jdbc.sql("""
                            insert into apr_variable_value (tenant_id, process_code, var_key, department_id, var_value)
                            values (:tenantId, :code, :key, :departmentId, :value)""")
                    .param("tenantId", tenantId).param("code", processCode).param("key", key)
                    .param("departmentId", departmentId).param("value", value).update();
        }
    }

    List<VariableValue> variables(long tenantId, String processCode) {
        return jdbc.sql("""
                        select var_key, department_id, var_value from apr_variable_value
                         where tenant_id = :tenantId and process_code = :code order by var_key, department_id""")
                .param("tenantId", tenantId).param("code", processCode)
                .query((rs, n) -> new VariableValue(rs.getString("var_key"), rs.getLong("department_id"),
                        rs.getString("var_value")))
                .list();
    }

    static TemplateSummary summary(TemplateRow row, String description) {
        return new TemplateSummary(row.processCode(), row.name(), row.groupName(), description, row.latestVersion(),
                row.enabled(), row.updatedAt());
    }

    private static TemplateRow template(ResultSet rs, int n) throws SQLException {
        return new TemplateRow(rs.getLong("tenant_id"), rs.getString("process_code"), rs.getString("name"),
                rs.getString("group_name"), rs.getInt("latest_version"), rs.getBoolean("enabled"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
