package hk.lantau.approval.internal.time;

import hk.lantau.messaging.SystemNotices;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends each organisation's approval digests when one of its schedules comes due in its time
 * zone: every approver with pending tasks gets one card. An occurrence is claimed by moving the
 * schedule's last occurrence in the same transaction as the notices, so two nodes or two runs
 * never send it twice, and a failed send is tried again on the next run.
 */
@Component
public class DigestJob {

    /** A digest later than this after its time is skipped rather than sent out of season. */
    static final Duration GRACE = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);
    private static final int PAGE = 200;

    private final ScheduleRepository schedules;
    private final PendingTasks tasks;
    private final DigestNotice notice;
    private final SystemNotices notices;
    private final Organisations organisations;
    private final TransactionOperations tx;
    private final Clock clock;

    DigestJob(ScheduleRepository schedules, PendingTasks tasks, DigestNotice notice, SystemNotices notices,
              Organisations organisations, TransactionOperations tx, Clock clock) {
        this.schedules = schedules;
        this.tasks = tasks;
        this.notice = notice;
        this.notices = notices;
        this.organisations = organisations;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.approval.digest-cron:0 * * * * *}")
    @SchedulerLock(name = "approval.digests", lockAtMostFor = "PT30M")
    public void run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int sent = 0;
        for (ScheduleRow schedule : schedules.enabled()) {
            try {
                Integer reached = ActorScope.callAs(Actor.system(schedule.tenantId(), "approval-digests"),
                        () -> tx.execute(status -> send(schedule, now)));
                sent += reached == null ? 0 : reached;
            } catch (RuntimeException e) {
                log.warn("Approval digest of schedule {} (organisation {}) failed: {}", schedule.id(),
                        schedule.tenantId(), e.toString());
            }
        }
        if (sent > 0) {
            log.info("Sent {} approval digests", sent);
        }
    }

    private int send(ScheduleRow schedule, Instant now) {
        Optional<Organisation> org = organisations.find(schedule.tenantId())
                .filter(o -> o.status() == Organisation.Status.ACTIVE);
        if (org.isEmpty()) {
            return 0;
        }
        ZoneId zone = org.get().timeZone();
        Optional<Instant> due = ReminderTimes.latestAtOrBefore(schedule.days(), schedule.time(), zone, now)
                .filter(at -> at.isAfter(schedule.createdAt()))
                .filter(at -> schedule.lastOccurrence() == null || at.isAfter(schedule.lastOccurrence()))
                .filter(at -> !now.isAfter(at.plus(GRACE)));
        if (due.isEmpty() || !schedules.claim(schedule.tenantId(), schedule.id(), due.get())) {
            return 0;
        }
        int sent = 0;
        String after = null;
        List<PendingTasks.Approver> page;
        do {
            page = tasks.approvers(schedule.tenantId(), after, PAGE);
            for (PendingTasks.Approver approver : page) {
                List<PendingTasks.Pending> listed = tasks.of(schedule.tenantId(), approver.userId(), DigestNotice.LISTED);
                sent += notices.notify(schedule.tenantId(), List.of(approver.userId()),
                        notice.card(approver.pending(), listed, zone)).size();
                after = approver.userId();
            }
        } while (page.size() == PAGE);
        return sent;
    }
}
