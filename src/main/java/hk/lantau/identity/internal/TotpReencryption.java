package hk.lantau.identity.internal;

import hk.lantau.compliance.ReencryptionParticipant;
import hk.lantau.compliance.SecretSealing;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Reseals TOTP seeds under the new primary key after a key rotation, a batch per transaction.
 * Seeds are sealed secrets, not protected fields, so they go through {@link SecretSealing#reseal}.
 */
@Component
class TotpReencryption implements ReencryptionParticipant {

    private static final int BATCH = 200;

    private final TotpRepository totp;
    private final SecretSealing sealing;
    private final TransactionOperations tx;

    TotpReencryption(TotpRepository totp, SecretSealing sealing, TransactionOperations tx) {
        this.totp = totp;
        this.sealing = sealing;
        this.tx = tx;
    }

    @Override
    public int reencryptAll(Reencryptor reencrypt) {
        int rewritten = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<TotpRecord> batch = totp.batchAfter(after, BATCH);
            if (batch.isEmpty()) {
                return rewritten;
            }
            rewritten += tx.execute(status -> {
                int count = 0;
                for (TotpRecord record : batch) {
                    String purpose = TotpRepository.purpose(record.accountId());
                    String next = sealing.reseal(purpose, record.sealedSecret());
                    if (!next.equals(record.sealedSecret())
                            && totp.replaceSecret(record.accountId(), record.sealedSecret(), next)) {
                        count++;
                    }
                }
                return count;
            });
            after = batch.get(batch.size() - 1).accountId();
        }
    }
}
