package hk.lantau.approval.internal.engine;

import hk.lantau.approval.internal.engine.AttachmentRepository.Stored;
import hk.lantau.compliance.ReencryptionParticipant;
import hk.lantau.compliance.SecretSealing;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Reseals approval attachments under the new primary key after a key rotation. Files are up to
 * 1 MiB each, so a batch reads only their ids and each file's content is read, resealed and
 * written back on its own.
 */
@Component
class AttachmentReencryption implements ReencryptionParticipant {

    private static final int BATCH = 50;

    private final AttachmentRepository attachments;
    private final SecretSealing sealing;
    private final TransactionOperations tx;

    AttachmentReencryption(AttachmentRepository attachments, SecretSealing sealing, TransactionOperations tx) {
        this.attachments = attachments;
        this.sealing = sealing;
        this.tx = tx;
    }

    @Override
    public int reencryptAll(Reencryptor reencrypt) {
        return ReencryptionParticipant.inBatches(tx, BATCH, attachments::storedAfter, Stored::id, this::reseal);
    }

    private boolean reseal(Stored file) {
        byte[] before = attachments.content(file.tenantId(), file.fileId());
        String sealed = new String(before, StandardCharsets.US_ASCII);
        String resealed = sealing.reseal(AttachmentService.purpose(file.tenantId(), file.fileId()), sealed);
        return !resealed.equals(sealed)
                && attachments.replaceContent(file, before, resealed.getBytes(StandardCharsets.US_ASCII));
    }
}
