package hk.lantau.approval.internal.engine;

import static hk.lantau.approval.internal.engine.TemplateRepository.instant;
import static hk.lantau.approval.internal.engine.TemplateRepository.ts;

import hk.lantau.approval.AttachmentRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** apr_attachment: uploaded files, sealed, owned by their uploader until an instance refers to them. */
@Repository
class AttachmentRepository {

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AttachmentRow(String fileId, String uploadedBy, String fileName, String fileType, long fileSize,
                         String instanceId, Instant createdAt) {

        AttachmentRef ref() {
            return new AttachmentRef(fileId, fileName, fileSize, fileType);
        }
    }

    void insert(long tenantId, AttachmentRow row, byte[] sealed) {
        jdbc.sql("""
                        insert into apr_attachment (tenant_id, file_id, uploaded_by, file_name, file_type, file_size,
                                                    content, instance_id, created_at)
                        values (:tenantId, :fileId, :uploadedBy, :fileName, :fileType, :fileSize, :content, null,
                                :createdAt)""")
                .param("tenantId", tenantId).param("fileId", row.fileId()).param("uploadedBy", row.uploadedBy())
                .param("fileName", row.fileName()).param("fileType", row.fileType())
                .param("fileSize", row.fileSize()).param("content", sealed)
                .param("createdAt", ts(row.createdAt())).update();
    }

    Optional<AttachmentRow> find(long tenantId, String fileId) {
        return jdbc.sql("""
                        select file_id, uploaded_by, file_name, file_type, file_size, instance_id, created_at
                          from apr_attachment where tenant_id = :tenantId and file_id = :fileId""")
                .param("tenantId", tenantId).param("fileId", fileId)
                .query((rs, n) -> new AttachmentRow(rs.getString("file_id"), rs.getString("uploaded_by"),
                        rs.getString("file_name"), rs.getString("file_type"), rs.getLong("file_size"),
                        rs.getString("instance_id"), instant(rs, "created_at")))
                .optional();
    }

    byte[] content(long tenantId, String fileId) {
        return jdbc.sql("select content from apr_attachment where tenant_id = :tenantId and file_id = :fileId")
                .param("tenantId", tenantId).param("fileId", fileId).query(byte[].class).single();
    }

    /**
     * Ties the file to the instance; false when it is gone or another instance took it meanwhile
     * (the retention job may delete an unclaimed upload while a submission names it).
     */
    boolean attach(long tenantId, String fileId, String instanceId) {
        return jdbc.sql("""
                        update apr_attachment set instance_id = :instanceId
                         where tenant_id = :tenantId and file_id = :fileId
                           and (instance_id is null or instance_id = :instanceId)""")
                .param("instanceId", instanceId).param("tenantId", tenantId).param("fileId", fileId).update() == 1;
    }

    /** A stored file's place, for key rotation; the content is read one file at a time. */
    record Stored(long id, long tenantId, String fileId) {
    }

    List<Stored> storedAfter(long afterId, int limit) {
        return jdbc.sql("select id, tenant_id, file_id from apr_attachment where id > :after order by id limit :limit")
                .param("after", afterId).param("limit", limit)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("file_id")))
                .list();
    }

    /** Replaces the sealed content only where it is still what was read; false otherwise. */
    boolean replaceContent(Stored file, byte[] before, byte[] after) {
        return jdbc.sql("update apr_attachment set content = :after where id = :id and content = :before")
                .param("after", after).param("id", file.id()).param("before", before).update() == 1;
    }

    /** Uploads of every organisation that no approval took up, made before the cutoff. */
    List<Long> unclaimedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        select id from apr_attachment where instance_id is null and created_at < :cutoff
                         order by id limit :limit""")
                .param("cutoff", ts(cutoff)).param("limit", limit).query(Long.class).list();
    }

    /** Deletes those of the files that are still unclaimed. */
    int deleteUnclaimed(List<Long> ids) {
        return jdbc.sql("delete from apr_attachment where id in (:ids) and instance_id is null")
                .param("ids", ids).update();
    }
}
