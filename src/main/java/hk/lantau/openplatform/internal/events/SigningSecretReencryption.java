package hk.lantau.openplatform.internal.events;

import hk.lantau.compliance.ReencryptionParticipant;
import hk.lantau.compliance.SecretSealing;
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
        return ReencryptionParticipant.inBatches(tx, BATCH, subscriptions::secretsAfter,
                SubscriptionRepository.SealedSecrets::id, this::reseal);
    }

    private boolean reseal(SubscriptionRepository.SealedSecrets secrets) {
        String purpose = WebhookSigner.purpose(secrets.id());
        String secret = sealing.reseal(purpose, secrets.secret());
        String previous = secrets.previous() == null ? null : sealing.reseal(purpose, secrets.previous());
        boolean changed = !secret.equals(secrets.secret())
                || (previous != null && !previous.equals(secrets.previous()));
        return changed && subscriptions.replaceSecrets(secrets, secret, previous);
    }
}
