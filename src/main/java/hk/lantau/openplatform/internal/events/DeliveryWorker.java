package hk.lantau.openplatform.internal.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * Delivers webhooks on this node. One dispatcher thread hands deliveries to a bounded pool of
 * senders: first those a change on this node has just committed (already leased, see
 * EventOutbox), then due ones it claims with a lease. It wakes on such a commit and when the pool
 * has room again, and otherwise polls. Any number of nodes can run this against the same
 * database: claims never overlap, and a node that dies loses its claims when their leases expire.
 * Runs in the server only, not in maintenance commands.
 */
@Component
@ConditionalOnWebApplication
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int MAX_CLAIM = 256;
    /** Handed-off deliveries waiting for a sender; a burst beyond this is claimed later instead. */
    private static final int MAX_BACKLOG = 20_000;

    private final DeliveryRepository deliveries;
    private final HostRepository hosts;
    private final WebhookSender sender;
    private final AttemptRecorder recorder;
    private final WebhookSettings settings;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<List<ClaimedDelivery>> handOffs = new ConcurrentLinkedQueue<>();
    /** Only the dispatcher thread touches it (and stop, after the dispatcher ended). */
    private final Deque<ClaimedDelivery> backlog = new ArrayDeque<>();
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
        // Claimed work queues behind the busy senders, so that a burst is claimed in few large
        // rounds; a claim that waits too long for a sender is left to expire (see Attempt).
        this.capacity = Math.max(settings.deliveryConcurrency() * 8, 16);
    }

    /**
     * Takes deliveries a committed change wrote already leased by this node; they queue in the
     * backlog until a sender is free.
     */
    void handOff(List<ClaimedDelivery> leased) {
        handOffs.add(List.copyOf(leased));
        wake();
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
            List<ClaimedDelivery> given = new ArrayList<>();
            unstarted.stream().filter(Attempt.class::isInstance).forEach(r -> given.add(((Attempt) r).delivery));
            handOffs.forEach(given::addAll);
            given.addAll(backlog);
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

    /**
     * Sends from the backlog of handed-off deliveries first; claims from the database only when
     * that is empty. Loops at once while claims come back full, else waits to be woken.
     */
    private void dispatch() {
        while (running) {
            boolean more = false;
            try {
                takeHandOffs();
                int room = capacity - inFlight.get();
                List<ClaimedDelivery> next = new ArrayList<>();
                while (next.size() < room && !backlog.isEmpty()) {
                    next.add(backlog.poll());
                }
                send(next);
                int wanted = Math.min(room - next.size(), MAX_CLAIM);
                if (backlog.isEmpty() && wanted > 0) {
                    more = claimAndSend(wanted) == wanted;
                }
            } catch (RuntimeException e) {
                log.warn("Dispatching webhook deliveries failed; trying again shortly", e);
            }
            if (!more) {
                await();
            }
        }
    }

    /** Moves handed-off deliveries to the backlog; beyond its bound they are given back to be claimed. */
    private void takeHandOffs() {
        for (List<ClaimedDelivery> leased = handOffs.poll(); leased != null; leased = handOffs.poll()) {
            int room = Math.max(MAX_BACKLOG - backlog.size(), 0);
            backlog.addAll(leased.subList(0, Math.min(room, leased.size())));
            if (room < leased.size()) {
                deliveries.release(leased.subList(room, leased.size()));
            }
        }
    }

    private int claimAndSend(int limit) {
        Instant now = clock.instant();
        List<ClaimedDelivery> claimed = deliveries.claim(UUID.randomUUID().toString(), now,
                now.plus(settings.deliveryLease()), limit);
        send(claimed);
        return claimed.size();
    }

    private void send(List<ClaimedDelivery> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        Map<Long, Set<String>> allowed = hosts.allowed(claimed.stream().map(ClaimedDelivery::tenantId)
                .distinct().toList());
        for (ClaimedDelivery delivery : claimed) {
            inFlight.incrementAndGet();
            senders.execute(new Attempt(delivery, allowed.getOrDefault(delivery.tenantId(), Set.of())));
        }
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
