package hk.lantau.messaging.internal.robot;

import hk.lantau.compliance.ReencryptionParticipant;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/** Reseals robots' tokens and secrets under the new primary key after a key rotation, a batch per transaction. */
@Component
class RobotCredentialReencryption implements ReencryptionParticipant {

    private static final int BATCH = 200;

    private final RobotRepository robots;
    private final RobotCredentials credentials;
    private final TransactionOperations tx;

    RobotCredentialReencryption(RobotRepository robots, RobotCredentials credentials, TransactionOperations tx) {
        this.robots = robots;
        this.credentials = credentials;
        this.tx = tx;
    }

    @Override
    public int reencryptAll(Reencryptor reencrypt) {
        return ReencryptionParticipant.inBatches(tx, BATCH, robots::sealedAfter, RobotRepository.SealedCredentials::id,
                this::reseal);
    }

    private boolean reseal(RobotRepository.SealedCredentials sealed) {
        String token = credentials.resealToken(sealed.id(), sealed.token());
        String secret = sealed.secret() == null ? null : credentials.resealSecret(sealed.id(), sealed.secret());
        boolean changed = !token.equals(sealed.token()) || !Objects.equals(secret, sealed.secret());
        return changed && robots.replaceSealed(sealed, token, secret);
    }
}
