package hk.lantau.approval.internal.engine;

import java.util.function.Supplier;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a change to a running instance in its own transaction, again when it lost a race. Changes
 * lock the instance row first, so decisions on one instance queue rather than collide; Flowable's
 * optimistic locks (a countersign's shared counters) and lock time-outs can still refuse one, and
 * then the whole transaction is rolled back and repeated from a fresh read, so no decision is lost
 * and none is applied twice.
 */
@Component
class Retrying {

    private static final int ATTEMPTS = 8;

    private final TransactionTemplate transactions;

    Retrying(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (FlowableOptimisticLockingException | ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an approval change", e);
        }
    }
}
