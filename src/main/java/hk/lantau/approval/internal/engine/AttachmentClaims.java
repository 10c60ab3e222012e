package hk.lantau.approval.internal.engine;

import hk.lantau.approval.AttachmentRef;
import hk.lantau.approval.internal.engine.AttachmentRepository.AttachmentRow;
import hk.lantau.shared.LantauException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Ties uploaded files to an instance when a submission, a decision or a comment refers to them.
 * A file is usable by its uploader while it belongs to no instance, and again on the instance it
 * was first used on; anything else is refused as unknown.
 */
@Component
class AttachmentClaims {

    private static final int MAX = 20;

    private final AttachmentRepository attachments;

    AttachmentClaims(AttachmentRepository attachments) {
        this.attachments = attachments;
    }

    List<AttachmentRef> claim(long tenantId, Collection<String> fileIds, String owner, String instanceId,
                              String field) {
        if (fileIds.size() > MAX) {
            throw LantauException.invalidField(field, "approval.attachment_unknown", "At most " + MAX + " files.");
        }
        List<AttachmentRef> refs = new ArrayList<>();
        for (String fileId : fileIds.stream().distinct().toList()) {
            AttachmentRow row = attachments.find(tenantId, fileId).orElse(null);
            boolean usable = row != null && (instanceId.equals(row.instanceId())
                    || row.instanceId() == null && row.uploadedBy().equals(owner));
            if (!usable || !attachments.attach(tenantId, fileId, instanceId)) {
                throw LantauException.invalidField(field, "approval.attachment_unknown",
                        "No attachment " + fileId + " you uploaded for this approval.");
            }
            refs.add(row.ref());
        }
        return refs;
    }
}
