package hk.lantau.approval.web;

import hk.lantau.approval.ApprovalAttachments;
import hk.lantau.approval.AttachmentRef;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/approvals/attachments")
@Tag(name = "Approval attachments", description = "Files for approvals, at most 1 MiB, sealed at rest. Upload first, "
        + "then name the fileId in a DDAttachment value, a decision or a comment.")
class ApprovalAttachmentController {

    private final ApprovalAttachments attachments;

    ApprovalAttachmentController(ApprovalAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "Upload a file (multipart part \"file\")")
    @ApiResponse(responseCode = "201", description = "The file's fileId, name, size and type")
    @ApiResponse(responseCode = "400", description = "approval.attachment_invalid")
    @ApiResponse(responseCode = "413", description = "request.too_large")
    ResponseEntity<AttachmentRef> upload(@RequestPart("file") MultipartFile file) {
        if (file.getSize() > Integer.MAX_VALUE) {
            throw LantauException.invalidField("file", "approval.attachment_invalid", "The file is too large.");
        }
        AttachmentRef ref = attachments.upload(CurrentActor.get().requireTenant(), file.getOriginalFilename(),
                file.getContentType(), bytes(file));
        return ResponseEntity.created(URI.create("/api/v1/approvals/attachments/" + ref.fileId())).body(ref);
    }

    @GetMapping("/{fileId}")
    @RequiresScope(Scope.APPROVAL_READ)
    @Operation(summary = "Download a file: its uploader, or anyone who can see the approval that uses it")
    @ApiResponse(responseCode = "404", description = "approval.attachment_not_found")
    ResponseEntity<byte[]> download(@PathVariable String fileId) {
        ApprovalAttachments.Download download = attachments.download(CurrentActor.get().requireTenant(), fileId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.file().fileName(), java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(download.content());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
