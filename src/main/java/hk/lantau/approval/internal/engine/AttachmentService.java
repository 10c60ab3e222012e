package hk.lantau.approval.internal.engine;

import hk.lantau.approval.ApprovalAttachments;
import hk.lantau.approval.AttachmentRef;
import hk.lantau.approval.internal.engine.AttachmentRepository.AttachmentRow;
import hk.lantau.compliance.SecretSealing;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores attachments sealed with compliance's managed keys; the purpose names the organisation and
 * the file, so sealed content copied to another row or organisation does not open.
 */
@Service
class AttachmentService implements ApprovalAttachments {

    static final int MAX_BYTES = 1_048_576;

    private final AttachmentRepository attachments;
    private final InstanceRepository instances;
    private final InstanceAccess access;
    private final SecretSealing sealing;
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, InstanceRepository instances, InstanceAccess access,
                      SecretSealing sealing, Clock clock) {
        this.attachments = attachments;
        this.instances = instances;
        this.access = access;
        this.sealing = sealing;
        this.clock = clock;
    }

    @Override
    @Transactional
    public AttachmentRef upload(long tenantId, String fileName, String contentType, byte[] content) {
        Actor actor = CurrentActor.get();
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw LantauException.invalidField("file", "approval.attachment_invalid",
                    "Upload one file of 1 byte to 1 MiB.");
        }
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        String type = contentType == null || contentType.isBlank() || contentType.length() > 100
                ? "application/octet-stream" : contentType;
        String fileId = UUID.randomUUID().toString();
        String sealed = sealing.seal(purpose(tenantId, fileId), Base64.getEncoder().encodeToString(content));
        AttachmentRow row = new AttachmentRow(fileId, actor.userId(), name, type, content.length, null,
                clock.instant());
        attachments.insert(tenantId, row, sealed.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return row.ref();
    }

    @Override
    @Transactional(readOnly = true)
    public Download download(long tenantId, String fileId) {
        Actor actor = CurrentActor.get();
        AttachmentRow row = attachments.find(tenantId, fileId).orElseThrow(AttachmentService::notFound);
        boolean visible = row.instanceId() == null
                ? row.uploadedBy().equals(actor.userId())
                : instances.find(tenantId, row.instanceId()).map(access::canSee).orElse(false);
        if (!visible) {
            throw notFound();
        }
        String sealed = new String(attachments.content(tenantId, fileId), java.nio.charset.StandardCharsets.US_ASCII);
        return new Download(row.ref(), Base64.getDecoder().decode(sealing.open(purpose(tenantId, fileId), sealed)));
    }

    static String purpose(long tenantId, String fileId) {
        return "approval.attachment:" + tenantId + ":" + fileId;
    }

    private static LantauException notFound() {
        return LantauException.notFound("approval.attachment_not_found", "No such attachment.");
    }
}
