package hk.lantau.messaging.internal.ding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases scheduled DINGs that are due, sends due reminders, then sends pending e-mails and SMS.
 * One node at a time runs it; each piece of work is also claimed in the database (update-where-due
 * for DINGs and reminders, a lease for attempts), so even overlapping runs never send twice.
 */
@Component
public class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);
    /** Batches per kind of work in one run, so one run ends even if some work keeps failing. */
    private static final int MAX_BATCHES = 50;

    private final DingRepository dings;
    private final DingDelivery delivery;
    private final AttemptSender sender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;

    ReminderJob(DingRepository dings, DingDelivery delivery, AttemptSender sender, TransactionTemplate transactions,
                Clock clock, @Value("${lantau.ding.batch-size:100}") int batchSize,
                @Value("${lantau.ding.attempt-lease:PT2M}") Duration lease) {
        this.dings = dings;
        this.delivery = delivery;
        this.sender = sender;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    @Scheduled(cron = "${lantau.ding.job-cron:*/15 * * * * *}")
    @SchedulerLock(name = "messaging.ding-reminders", lockAtMostFor = "PT10M")
    public void run() {
        // Stored times have microseconds; a finer "now" could fall just short of a time it equals.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int released = drain(limit -> dings.dueScheduled(now, limit), due -> transactions.executeWithoutResult(tx ->
                delivery.releaseScheduled(due, now)));
        int reminded = drain(limit -> dings.dueReminders(now, limit), due -> transactions.executeWithoutResult(tx ->
                delivery.remind(due, now)));
        int attempts = drain(limit -> dings.pendingAttempts(now, limit), id ->
                dings.claimAttempt(id, now, now.plus(lease)).ifPresent(sender::send));
        if (released + reminded + attempts > 0) {
            log.info("DING job handled {} scheduled DINGs, {} due reminders, {} e-mail/SMS attempts", released, reminded,
                    attempts);
        }
    }

    private <T> int drain(Function<Integer, List<T>> due, Consumer<T> work) {
        int done = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<T> items = due.apply(batchSize);
            for (T item : items) {
                try {
                    work.accept(item);
                    done++;
                } catch (RuntimeException e) {
                    log.warn("DING job could not handle {}: {}", item, e.toString());
                }
            }
            if (items.size() < batchSize) {
                break;
            }
        }
        return done;
    }
}
