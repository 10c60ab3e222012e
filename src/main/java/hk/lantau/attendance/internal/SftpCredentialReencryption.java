package hk.lantau.attendance.internal;

import hk.lantau.compliance.ReencryptionParticipant;
import hk.lantau.compliance.SecretSealing;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/** Reseals payroll SFTP passwords and private keys under the new primary key after a key rotation. */
@Component
class SftpCredentialReencryption implements ReencryptionParticipant {

    private static final int BATCH = 200;

    private final SftpRepository repository;
    private final SecretSealing sealing;
    private final TransactionOperations tx;

    SftpCredentialReencryption(SftpRepository repository, SecretSealing sealing, TransactionOperations tx) {
        this.repository = repository;
        this.sealing = sealing;
        this.tx = tx;
    }

    @Override
    public int reencryptAll(Reencryptor reencrypt) {
        return ReencryptionParticipant.inBatches(tx, BATCH, repository::sealedAfter, SftpRepository.Stored::id,
                this::reseal);
    }

    private boolean reseal(SftpRepository.Stored d) {
        String password = d.passwordSealed() == null ? null : sealing.reseal(PushService.PURPOSE, d.passwordSealed());
        String key = d.privateKeySealed() == null ? null : sealing.reseal(PushService.PURPOSE, d.privateKeySealed());
        boolean changed = !Objects.equals(password, d.passwordSealed()) || !Objects.equals(key, d.privateKeySealed());
        return changed && repository.replaceSealed(d, password, key);
    }
}
