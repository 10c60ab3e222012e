package hk.lantau.messaging.internal.robot;

import hk.lantau.compliance.ReencryptionParticipant;
import java.util.List;
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
        int rewritten = 0;
        long after = 0;
        while (true) {
            List<RobotRepository.SealedCredentials> batch = robots.sealedAfter(after, BATCH);
            if (batch.isEmpty()) {
                return rewritten;
            }
            rewritten += tx.execute(status -> {
                int count = 0;
                for (RobotRepository.SealedCredentials sealed : batch) {
                    String token = credentials.resealToken(sealed.id(), sealed.token());
                    String secret = sealed.secret() == null ? null
                            : credentials.resealSecret(sealed.id(), sealed.secret());
                    boolean changed = !token.equals(sealed.token()) || !Objects.equals(secret, sealed.secret());
                    if (changed && robots.replaceSealed(sealed, token, secret)) {
                        count++;
                    }
                }
                return count;
            });
            after = batch.get(batch.size() - 1).id();
        }
    }
}
