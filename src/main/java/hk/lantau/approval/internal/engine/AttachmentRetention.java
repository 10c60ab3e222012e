package hk.lantau.approval.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Deletes uploads that no submission, decision or comment took up within a day: until then they
 * are nobody's record, only sealed copies of possibly sensitive files. Runs on one node at a
 * time, a batch per transaction.
 */
@Component
public class AttachmentRetention {

    private static final Logger log = LoggerFactory.getLogger(AttachmentRetention.class);
    private static final int BATCH = 500;
    /** Batches in one run, so a run ends; the next run carries on. */
    private static final int MAX_BATCHES = 200;

    private final AttachmentRepository attachments;
    private final TransactionOperations tx;
    private final Clock clock;
    private final Duration unclaimedFor;

    AttachmentRetention(AttachmentRepository attachments, TransactionOperations tx, Clock clock,
                        @Value("${lantau.approval.attachments.unclaimed-retention:24h}") Duration unclaimedFor) {
        if (unclaimedFor.isNegative()) {
            throw new IllegalArgumentException("lantau.approval.attachments.unclaimed-retention must not be negative");
        }
        this.attachments = attachments;
        this.tx = tx;
        this.clock = clock;
        this.unclaimedFor = unclaimedFor;
    }

    @Scheduled(cron = "${lantau.approval.attachments.retention-cron:0 25 * * * *}", zone = "UTC")
    @SchedulerLock(name = "approval.attachment-retention", lockAtMostFor = "PT30M")
    public void run() {
        Instant cutoff = clock.instant().minus(unclaimedFor);
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Integer done = tx.execute(status -> {
                List<Long> ids = attachments.unclaimedBefore(cutoff, BATCH);
                return ids.isEmpty() ? 0 : attachments.deleteUnclaimed(ids);
            });
            int count = done == null ? 0 : done;
            deleted += count;
            if (count < BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} approval attachments no approval took up", deleted);
        }
    }
}
