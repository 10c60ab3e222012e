package hk.lantau.openplatform.internal.events;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes this node's delivery worker once the current transaction has committed new due deliveries. */
@Component
class DeliveryWakeup {

    private static final Object REGISTERED = new Object();

    private final ObjectProvider<DeliveryWorker> worker;

    DeliveryWakeup(ObjectProvider<DeliveryWorker> worker) {
        this.worker = worker;
    }

    void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            worker.ifAvailable(DeliveryWorker::wake);
            return;
        }
        if (TransactionSynchronizationManager.hasResource(REGISTERED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(REGISTERED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.ifAvailable(DeliveryWorker::wake);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(REGISTERED);
            }
        });
    }
}
