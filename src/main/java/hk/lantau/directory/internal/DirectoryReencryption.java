package hk.lantau.directory.internal;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.compliance.ReencryptionParticipant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Re-encrypts people's protected fields after a key rotation, a batch per transaction. */
@Component
class DirectoryReencryption implements ReencryptionParticipant {

    static final int BATCH = 200;

    private final UserRepository users;
    private final TransactionTemplate transactions;

    DirectoryReencryption(UserRepository users, TransactionTemplate transactions) {
        this.users = users;
        this.transactions = transactions;
    }

    @Override
    public int reencryptAll(Reencryptor reencrypt) {
        int rewritten = 0;
        long tenantId = Long.MIN_VALUE;
        String userId = "";
        while (true) {
            long afterTenant = tenantId;
            String afterUser = userId;
            List<StoredUser> batch = users.batchAfter(afterTenant, afterUser, BATCH);
            if (batch.isEmpty()) {
                return rewritten;
            }
            rewritten += transactions.execute(status -> {
                int count = 0;
                for (StoredUser user : batch) {
                    for (Map.Entry<ProtectedField, String> entry : user.ciphers.entrySet()) {
                        String next = reencrypt.apply(user.tenantId, entry.getKey(), entry.getValue());
                        if (!next.equals(entry.getValue()) && users.replaceCipher(user.tenantId, user.userId,
                                entry.getKey(), entry.getValue(), next)) {
                            count++;
                        }
                    }
                }
                return count;
            });
            StoredUser last = batch.get(batch.size() - 1);
            tenantId = last.tenantId;
            userId = last.userId;
        }
    }
}
