package hk.lantau.approval.internal.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements of an erasure, each over all of the person's rows at once. Counts are of rows
 * changed. What stays and why is in {@link ApprovalPersonalData}.
 */
@Component
class ApprovalErasure {

    /** A stored submission with no values left; views show the approval without its form. */
    static final String ERASED_FORM = "{\"values\":[]}";

    private final JdbcClient jdbc;

    ApprovalErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Uploads of theirs that no approval took up. */
    int deleteUnclaimedUploads(long tenantId, String userId) {
        return statement("delete from apr_attachment where tenant_id = :tenant and uploaded_by = :user "
                + "and instance_id is null", tenantId, userId).update();
    }

    /** Their comments keep their place and time in the history but lose their text and files. */
    int emptyComments(long tenantId, String userId) {
        return statement("""
                update apr_operation set remark = null, attachments = null
                 where tenant_id = :tenant and userid = :user and operation = 'ADD_REMARK'
                   and (remark is not null or attachments is not null)""", tenantId, userId).update();
    }

    /**
     * Approvals they submitted that ended before the cutoff lose their form values, the choices of
     * approvers, the files of the submission and a title that may name them; the template's name
     * takes the title's place. Returns how many approvals.
     */
    int emptyOldSubmissions(long tenantId, String userId, Instant cutoff) {
        String old = """
                select instance_id from apr_instance where tenant_id = :tenant and originator_userid = :user
                   and status <> 'RUNNING' and finished_at < :cutoff and form_values <> :erased""";
        statement("update apr_operation set attachments = null where tenant_id = :tenant and userid = :user "
                + "and operation = 'START_PROCESS_INSTANCE' and attachments is not null and instance_id in (" + old
                + ")", tenantId, userId).param("cutoff", Timestamp.from(cutoff)).param("erased", ERASED_FORM).update();
        return statement("""
                update apr_instance set form_values = :erased, approver_choices = null, client_request_id = null,
                       title = coalesce((select t.name from apr_template t where t.tenant_id = apr_instance.tenant_id
                                            and t.process_code = apr_instance.process_code), title)
                 where tenant_id = :tenant and originator_userid = :user and status <> 'RUNNING'
                   and finished_at < :cutoff and form_values <> :erased""", tenantId, userId)
                .param("cutoff", Timestamp.from(cutoff)).param("erased", ERASED_FORM).update();
    }

    /**
     * Files they uploaded to an approval that no record of it refers to any more (after the two
     * steps above): the comment's or the old submission's files.
     */
    int deleteUnreferencedFiles(long tenantId, String userId) {
        return statement("""
                delete from apr_attachment
                 where tenant_id = :tenant and uploaded_by = :user and instance_id is not null
                   and not exists (select 1 from apr_operation o
                                    where o.tenant_id = apr_attachment.tenant_id
                                      and o.instance_id = apr_attachment.instance_id
                                      and o.attachments like '%' || apr_attachment.file_id || '%')
                   and not exists (select 1 from apr_instance i
                                    where i.tenant_id = apr_attachment.tenant_id
                                      and i.instance_id = apr_attachment.instance_id
                                      and i.form_values like '%' || apr_attachment.file_id || '%')""",
                tenantId, userId).update();
    }

    /** Being copied only let them see an approval; the history's CC record keeps their userid. */
    int deleteCopies(long tenantId, String userId) {
        return statement("delete from apr_cc where tenant_id = :tenant and userid = :user", tenantId, userId).update();
    }

    private JdbcClient.StatementSpec statement(String sql, long tenantId, String userId) {
        return jdbc.sql(sql).param("tenant", tenantId).param("user", userId);
    }
}
