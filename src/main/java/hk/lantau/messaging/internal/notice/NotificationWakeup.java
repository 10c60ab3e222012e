package hk.lantau.messaging.internal.notice;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts this node's delivery job once a new task has committed, so a notification does not wait
 * for the next poll. One thread: a wake-up while the job runs only queues one more run.
 */
@Component
class NotificationWakeup implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationWakeup.class);

    private final ObjectProvider<NotificationDelivery> delivery;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "notification-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    NotificationWakeup(ObjectProvider<NotificationDelivery> delivery) {
        this.delivery = delivery;
    }

    void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    private void wake() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            runner.execute(() -> {
                queued.set(false);
                try {
                    delivery.ifAvailable(NotificationDelivery::deliverDue);
                } catch (RuntimeException e) {
                    log.warn("Work notification delivery failed; the next poll retries", e);
                }
            });
        } catch (RejectedExecutionException e) {
            queued.set(false);
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
