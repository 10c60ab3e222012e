package hk.lantau.openplatform.internal.events;

import hk.lantau.compliance.ReencryptionParticipant;
import hk.lantau.compliance.SecretSealing;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/** Reseals webhook signing secrets under the new primary key after a key rotation, a batch per transaction. */
@Component
class SigningSecretReencryption implements ReencryptionParticipant {

    private static final int BATCH = 200;

    private final SubscriptionRepository subscriptions;
    private final SecretSealing sealing;
    private final TransactionOperations tx;

    SigningSecretReencryption(SubscriptionRepository subscriptions, SecretSealing sealing, TransactionOperations tx) {
        this.subscriptions = subscriptions;
        this.sealing = sealing;
        this.tx = tx;
    }

    @Override
    public int reencryptAll(Reencryptor reencrypt) {
        int rewritten = 0;
        long after = 0;
        while (true) {
            List<SubscriptionRepository.SealedSecrets> batch = subscriptions.secretsAfter(after, BATCH);
            if (batch.isEmpty()) {
                return rewritten;
            }
            rewritten += tx.execute(status -> {
                int count = 0;
                for (SubscriptionRepository.SealedSecrets secrets : batch) {
                    String purpose = WebhookSigner.purpose(secrets.id());
                    String secret = sealing.reseal(purpose, secrets.secret());
                    String previous = secrets.previous() == null ? null : sealing.reseal(purpose, secrets.previous());
                    boolean changed = !secret.equals(secrets.secret())
                            || (previous != null && !previous.equals(secrets.previous()));
                    if (changed && subscriptions.replaceSecrets(secrets, secret, previous)) {
                        count++;
                    }
                }
                return count;
            });
            after = batch.get(batch.size() - 1).id();
        }
    }
}
