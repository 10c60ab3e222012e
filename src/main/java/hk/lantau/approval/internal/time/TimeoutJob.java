package hk.lantau.approval.internal.time;

import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.internal.engine.TaskOperations;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Acts on running tasks whose step's time-out has come: escalates them to the assignee's manager
 * (else the template's fallback approver), or decides them as agreed or refused, through the
 * engine's task operations, so history, events and audit are those of any transfer or decision.
 * Each task is claimed in {@code apr_task_timeout} in the transaction that acts: a rerun, or
 * another node, leaves it alone. A task nobody can take is left with the reason recorded; a
 * failure is recorded once and not retried, except a lost race, which the next run tries again.
 */
@Component
public class TimeoutJob {

    static final String REASON = "Decided automatically: nobody handled it in time.";
    private static final Logger log = LoggerFactory.getLogger(TimeoutJob.class);
    private static final int BATCH = 100;
    private static final int MAX_BATCHES = 50;

    private final TaskTimeouts timeouts;
    private final TaskOperations operations;
    private final Directory directory;
    private final ApprovalTemplates templates;
    private final TransactionOperations tx;
    private final Clock clock;

    TimeoutJob(TaskTimeouts timeouts, TaskOperations operations, Directory directory, ApprovalTemplates templates,
               TransactionOperations tx, Clock clock) {
        this.timeouts = timeouts;
        this.operations = operations;
        this.directory = directory;
        this.templates = templates;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.approval.timeout-cron:30 * * * * *}")
    @SchedulerLock(name = "approval.timeouts", lockAtMostFor = "PT30M")
    public void run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int handled = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<TaskTimeouts.Due> due = timeouts.due(now, BATCH);
            int acted = 0;
            for (TaskTimeouts.Due task : due) {
                if (handle(task, now)) {
                    acted++;
                }
            }
            handled += acted;
            // Tasks that lost a race stay due; stop rather than read them again at once.
            if (due.size() < BATCH || acted == 0) {
                break;
            }
        }
        if (handled > 0) {
            log.info("Approval time-outs handled {} tasks", handled);
        }
    }

    /** True when the task was handled (acted on, left or recorded as failed). */
    private boolean handle(TaskTimeouts.Due task, Instant now) {
        try {
            return Boolean.TRUE.equals(ActorScope.callAs(Actor.system(task.tenantId(), "approval-timeouts"),
                    () -> tx.execute(status -> act(task, now))));
        } catch (ConcurrencyFailureException | FlowableOptimisticLockingException e) {
            log.debug("Approval time-out of task {} lost a race; the next run tries again", task.taskId());
            return false;
        } catch (RuntimeException e) {
            log.warn("Approval time-out of task {} (organisation {}) failed: {}", task.taskId(), task.tenantId(),
                    e.toString());
            tx.executeWithoutResult(status -> timeouts.failed(task, e.getMessage(), now));
            return true;
        }
    }

    private boolean act(TaskTimeouts.Due task, Instant now) {
        if (!timeouts.claim(task, now)) {
            return false;
        }
        switch (task.action()) {
            case AUTO_APPROVE, AUTO_REJECT -> {
                InstanceResult result = task.action() == hk.lantau.approval.TimeoutAction.AUTO_APPROVE
                        ? InstanceResult.AGREE : InstanceResult.REFUSE;
                operations.autoDecide(task.tenantId(), task.taskId(), result, REASON);
                timeouts.outcome(task, "DECIDED", null, result.wire());
            }
            case ESCALATE -> {
                Optional<String> target = target(task);
                if (target.isPresent()) {
                    operations.escalate(task.tenantId(), task.taskId(), target.get());
                    timeouts.outcome(task, "ESCALATED", target.get(), null);
                } else {
                    timeouts.outcome(task, "LEFT", null,
                            "The assignee has no active manager and the template no fallback approver.");
                }
            }
            case NONE -> timeouts.outcome(task, "LEFT", null, "The step has no time-out.");
        }
        return true;
    }

    /** The assignee's active manager, else the template's active fallback approver; never the assignee. */
    private Optional<String> target(TaskTimeouts.Due task) {
        Optional<String> manager = directory.findUser(task.tenantId(), task.assigneeUserId())
                .map(DirectoryUser::managerUserId).filter(this::present)
                .filter(m -> active(task.tenantId(), m) && !m.equals(task.assigneeUserId()));
        if (manager.isPresent()) {
            return manager;
        }
        return Optional.ofNullable(templates.get(task.tenantId(), task.processCode(), task.templateVersion())
                        .definition().fallbackApproverUserId()).filter(this::present)
                .filter(f -> active(task.tenantId(), f) && !f.equals(task.assigneeUserId()));
    }

    private boolean active(long tenantId, String userId) {
        return directory.findUser(tenantId, userId).filter(DirectoryUser::active).isPresent();
    }

    private boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
