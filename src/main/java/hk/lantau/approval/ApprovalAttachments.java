package hk.lantau.approval;

/**
 * Files for approvals (a medical certificate, a receipt), at most 1 MiB each, sealed at rest. A file
 * belongs to its uploader until a submission, a decision or a comment uses it; from then on whoever
 * can see that approval may download it.
 */
public interface ApprovalAttachments {

    AttachmentRef upload(long tenantId, String fileName, String contentType, byte[] content);

    /** 404 {@code approval.attachment_not_found} for files the caller may not see. */
    Download download(long tenantId, String fileId);

    record Download(AttachmentRef file, byte[] content) {
    }
}
