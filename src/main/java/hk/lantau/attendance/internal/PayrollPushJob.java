package hk.lantau.attendance.internal;

import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the payroll SFTP pushes that are due, on one node, every few minutes. */
@Component
public class PayrollPushJob {

    private static final Logger log = LoggerFactory.getLogger(PayrollPushJob.class);

    private final Organisations organisations;
    private final PushService pushes;

    PayrollPushJob(Organisations organisations, PushService pushes) {
        this.organisations = organisations;
        this.pushes = pushes;
    }

    @Scheduled(cron = "${lantau.attendance.payroll-push-cron:0 */5 * * * *}", zone = "UTC")
    @SchedulerLock(name = "attendance.payroll-push", lockAtMostFor = "PT30M")
    public void run() {
        int attempted = 0;
        for (Organisation org : organisations.list()) {
            attempted += pushes.runDue(org.id());
        }
        if (attempted > 0) {
            log.info("Attendance attempted {} payroll SFTP pushes", attempted);
        }
    }
}
