package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.DeliveryStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes attempt results in batches, one transaction per batch, off the senders' threads: each
 * delivery's new state (delivered, retry at, or dead), the attempt log, and whether its
 * subscription is failing. A result lost before it is written (the node dies) only means the
 * delivery is sent again once its lease expires.
 */
@Component
class AttemptRecorder {

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);
    private static final int BATCH = 500;
    private static final long LINGER_MILLIS = 50;

    private final BlockingQueue<AttemptResult> queue = new LinkedBlockingQueue<>();
    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final FailingSubscriptions failing;
    private final TransactionOperations tx;
    private final RetrySchedule schedule;
    private final Clock clock;
    private volatile Thread thread;
    private volatile boolean running;

    AttemptRecorder(DeliveryRepository deliveries, SubscriptionRepository subscriptions, FailingSubscriptions failing,
                    TransactionOperations tx, WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.failing = failing;
        this.tx = tx;
        this.schedule = new RetrySchedule(settings.retryBase(), settings.retryCap(), new Random());
        this.clock = clock;
    }

    void record(AttemptResult result) {
        queue.add(result);
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, "webhook-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after writing what is queued. */
    synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        drain();
    }

    private void run() {
        while (running) {
            try {
                AttemptResult first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    write(collect(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Gathers results for a few milliseconds, so a busy node writes few large batches, not many commits. */
    private List<AttemptResult> collect(AttemptResult first) throws InterruptedException {
        List<AttemptResult> batch = new ArrayList<>(List.of(first));
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        while (batch.size() < BATCH) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = end - System.nanoTime();
            AttemptResult next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void drain() {
        List<AttemptResult> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            write(rest);
        }
    }

    private void write(List<AttemptResult> batch) {
        try {
            tx.executeWithoutResult(status -> {
                deliveries.settle(batch.stream().map(this::settlement).toList());
                trackSubscriptions(batch);
            });
        } catch (RuntimeException e) {
            // Their leases expire and the deliveries are sent again: at least once, never lost.
            log.error("Could not record {} webhook attempts; they will be retried after their leases expire",
                    batch.size(), e);
        }
    }

    private DeliveryRepository.Settlement settlement(AttemptResult result) {
        ClaimedDelivery d = result.delivery();
        if (result.succeeded()) {
            return new DeliveryRepository.Settlement(result, DeliveryStatus.DELIVERED, result.attemptedAt());
        }
        if (RetrySchedule.exhausted(result.attemptedAt(), d.giveUpAt())) {
            return new DeliveryRepository.Settlement(result, DeliveryStatus.DEAD, result.attemptedAt());
        }
        return new DeliveryRepository.Settlement(result, DeliveryStatus.PENDING,
                schedule.next(d.attempts() + 1, result.attemptedAt(), d.giveUpAt()));
    }

    /** A success clears a subscription's failing mark; a failure after its last success sets it. */
    private void trackSubscriptions(List<AttemptResult> batch) {
        Map<Long, List<AttemptResult>> bySubscription = new LinkedHashMap<>();
        batch.stream().sorted(Comparator.comparing(AttemptResult::attemptedAt))
                .forEach(r -> bySubscription.computeIfAbsent(r.delivery().subscriptionId(), k -> new ArrayList<>())
                        .add(r));
        List<Long> failed = new ArrayList<>();
        bySubscription.forEach((id, results) -> {
            Instant lastSuccess = null;
            Instant firstFailureAfter = null;
            for (AttemptResult r : results) {
                if (r.succeeded()) {
                    lastSuccess = r.attemptedAt();
                    firstFailureAfter = null;
                } else if (firstFailureAfter == null) {
                    firstFailureAfter = r.attemptedAt();
                }
            }
            if (lastSuccess != null) {
                subscriptions.succeeded(id, lastSuccess);
            }
            if (firstFailureAfter != null) {
                subscriptions.failed(id, firstFailureAfter);
                failed.add(id);
            }
        });
        failing.pauseLongFailing(failed, clock.instant());
    }
}
