package hk.lantau.web.approvals;

import hk.lantau.approval.ApprovalAttachments;
import hk.lantau.approval.AttachmentRef;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Files a page's form carries, stored through the approval module's attachment service. */
@Component
class Uploads {

    private final ApprovalAttachments attachments;

    Uploads(ApprovalAttachments attachments) {
        this.attachments = attachments;
    }

    /** Uploads the non-empty files posted under the name; a form that is not multipart has none. */
    List<AttachmentRef> store(long tenantId, HttpServletRequest request, String name) {
        List<AttachmentRef> stored = new ArrayList<>();
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            return stored;
        }
        for (MultipartFile file : multipart.getFiles(name)) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                stored.add(attachments.upload(tenantId, file.getOriginalFilename(), file.getContentType(),
                        file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }

    ApprovalAttachments.Download download(long tenantId, String fileId) {
        return attachments.download(tenantId, fileId);
    }
}
