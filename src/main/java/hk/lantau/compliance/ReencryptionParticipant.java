package hk.lantau.compliance;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Implemented by each module that stores protected values, so key rotation can re-encrypt every
 * stored value under the new primary key.
 */
public interface ReencryptionParticipant {

    /**
     * Re-encrypts all values this module holds by passing each through {@code reencrypt} and
     * storing the result. Returns how many values were rewritten.
     */
    int reencryptAll(Reencryptor reencrypt);

    @FunctionalInterface
    interface Reencryptor {
        String apply(long tenantId, ProtectedField field, String cipherText);
    }

    /**
     * The walk most participants need: rows in id order, {@code batch} at a time, each batch in
     * its own transaction so a large table never holds one long lock. {@code reseal} rewrites one
     * row and says whether it changed.
     */
    static <T> int inBatches(TransactionOperations tx, int batch, Page<T> page, ToLongFunction<T> id,
                             Predicate<T> reseal) {
        int rewritten = 0;
        long after = 0;
        while (true) {
            List<T> rows = page.after(after, batch);
            if (rows.isEmpty()) {
                return rewritten;
            }
            rewritten += tx.execute(status -> (int) rows.stream().filter(reseal).count());
            after = id.applyAsLong(rows.get(rows.size() - 1));
        }
    }

    /** The next rows after an id, at most {@code limit}. */
    @FunctionalInterface
    interface Page<T> {
        List<T> after(long id, int limit);
    }
}
