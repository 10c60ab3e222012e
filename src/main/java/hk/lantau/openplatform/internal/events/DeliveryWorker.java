package hk.lantau.openplatform.internal.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers due webhooks on this node. One dispatcher thread claims due deliveries with a lease
 * and hands them to a bounded pool of senders; it wakes when a change commits new deliveries,
 * when the pool has room again, and otherwise polls. Any number of nodes can run this against
 * the same database: claims never overlap, and a node that dies loses its claims when their
 * leases expire. Runs in the server only, not in maintenance commands.
 */
@Component
@ConditionalOnWebApplication
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int MAX_CLAIM = 200;

    private final DeliveryRepository deliveries;
    private final HostRepository hosts;
    private final WebhookSender sender;
    private final AttemptRecorder recorder;
    private final WebhookSettings settings;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int capacity;
    private boolean woken;
    private volatile boolean running;
    private Thread dispatcher;
    private ThreadPoolExecutor senders;

    DeliveryWorker(DeliveryRepository deliveries, HostRepository hosts, WebhookSender sender,
                   AttemptRecorder recorder, WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.hosts = hosts;
        this.sender = sender;
        this.recorder = recorder;
        this.settings = settings;
        this.clock = clock;
        // Claimed work queues behind the busy senders, at most one round ahead.
        this.capacity = settings.deliveryConcurrency() * 2;
    }

    /** Looks for due deliveries now, e.g. right after a change committed some. */
    void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public synchronized void start() {
        AtomicInteger number = new AtomicInteger();
        senders = new ThreadPoolExecutor(settings.deliveryConcurrency(), settings.deliveryConcurrency(), 1,
                TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "webhook-sender-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        senders.allowCoreThreadTimeOut(true);
        recorder.start();
        running = true;
        dispatcher = new Thread(this::dispatch, "webhook-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /**
     * Stops claiming, gives back claims not yet started (so another node can send them at once),
     * lets attempts in flight finish, and records them.
     */
    @Override
    public synchronized void stop() {
        running = false;
        wake();
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(5));
            List<Runnable> unstarted = senders.shutdownNow();
            List<ClaimedDelivery> given = unstarted.stream().filter(Attempt.class::isInstance)
                    .map(r -> ((Attempt) r).delivery).toList();
            if (!given.isEmpty()) {
                deliveries.release(given);
            }
            senders.awaitTermination(settings.deliveryTimeout().toMillis() + 2000, TimeUnit.MILLISECONDS);
            recorder.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Stopping the webhook worker cleanly failed; its claims expire with their leases", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void dispatch() {
        while (running) {
            int wanted = Math.min(capacity - inFlight.get(), MAX_CLAIM);
            int claimed = 0;
            if (wanted > 0) {
                try {
                    claimed = claimAndSend(wanted);
                } catch (RuntimeException e) {
                    log.warn("Claiming due webhook deliveries failed; trying again shortly", e);
                }
            }
            if (wanted <= 0 || claimed < wanted) {
                await();
            }
        }
    }

    private int claimAndSend(int limit) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        if (deliveries.claim(token, now, now.plus(settings.deliveryLease()), limit) == 0) {
            return 0;
        }
        List<ClaimedDelivery> claimed = deliveries.claimed(token);
        Map<Long, Set<String>> allowed = hosts.allowed(claimed.stream().map(ClaimedDelivery::tenantId)
                .distinct().toList());
        for (ClaimedDelivery delivery : claimed) {
            inFlight.incrementAndGet();
            senders.execute(new Attempt(delivery, allowed.getOrDefault(delivery.tenantId(), Set.of())));
        }
        return claimed.size();
    }

    private void await() {
        lock.lock();
        try {
            if (!woken && running) {
                wakeUp.await(settings.deliveryPoll().toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** One claimed delivery waiting for a sender. */
    private final class Attempt implements Runnable {

        final ClaimedDelivery delivery;
        final Set<String> allowedHosts;

        Attempt(ClaimedDelivery delivery, Set<String> allowedHosts) {
            this.delivery = delivery;
            this.allowedHosts = allowedHosts;
        }

        @Override
        public void run() {
            try {
                // A claim that waited so long that its lease could end mid-attempt is left to expire
                // and be claimed again, rather than risk two nodes sending it at once.
                if (clock.instant().plus(settings.deliveryTimeout()).isBefore(delivery.leaseUntil())) {
                    recorder.record(sender.send(delivery, allowedHosts));
                }
            } catch (RuntimeException e) {
                log.error("Webhook delivery {} failed unexpectedly; it is retried after its lease", delivery.id(), e);
            } finally {
                if (inFlight.decrementAndGet() == capacity / 2) {
                    wake();
                }
            }
        }
    }
}
