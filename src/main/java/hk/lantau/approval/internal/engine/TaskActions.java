package hk.lantau.approval.internal.engine;

import hk.lantau.approval.ApprovalTaskFinished;
import hk.lantau.approval.AttachmentRef;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.OperationRecord;
import hk.lantau.approval.OperationType;
import hk.lantau.approval.TaskOutcome;
import hk.lantau.approval.TaskStatus;
import hk.lantau.approval.internal.engine.InstanceRepository.InstanceRow;
import hk.lantau.approval.internal.engine.TaskRepository.TaskRow;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Deciding and handing on tasks, for people, apps and Lantau's own time-outs alike. Each call
 * runs in the caller's transaction with the instance row locked, and re-reads the task under
 * that lock, so a task is decided once whatever races it.
 */
@Component
class TaskActions {

    private static final int MAX_REMARK = 2_000;

    private final TaskRepository tasks;
    private final InstanceRepository instances;
    private final OperationRepository operations;
    private final InstanceProgress progress;
    private final AttachmentClaims attachments;
    private final ApproverResolver resolver;
    private final TaskService flowableTasks;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    TaskActions(TaskRepository tasks, InstanceRepository instances, OperationRepository operations,
                InstanceProgress progress, AttachmentClaims attachments, ApproverResolver resolver,
                TaskService flowableTasks, RuntimeService runtime, ApplicationEventPublisher publisher, Clock clock) {
        this.tasks = tasks;
        this.instances = instances;
        this.operations = operations;
        this.progress = progress;
        this.attachments = attachments;
        this.resolver = resolver;
        this.flowableTasks = flowableTasks;
        this.runtime = runtime;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The task's instance, locked, after {@code visible} checked the caller may see it. */
    record Locked(InstanceRow instance, TaskRow task) {
    }

    Locked lock(long tenantId, long taskId, Consumer<InstanceRow> visible) {
        TaskRow first = tasks.find(tenantId, taskId).orElseThrow(TaskActions::notFound);
        InstanceRow instance = instances.lock(tenantId, first.instanceId()).orElseThrow(TaskActions::notFound);
        visible.accept(instance);
        TaskRow task = tasks.find(tenantId, taskId).orElseThrow(TaskActions::notFound);
        if (!task.running() || !instance.running()) {
            throw taskFinished();
        }
        return new Locked(instance, task);
    }

    /**
     * Records the decision and moves the process: an agreement completes the Flowable task, a
     * refusal ends the instance as refused.
     */
    void decide(Locked locked, InstanceResult result, String remark, List<String> attachmentIds, String uploader,
                boolean automatic) {
        if (result == null) {
            throw LantauException.invalidField("result", "approval.decision_invalid", "Say agree or refuse.");
        }
        String text = remark(remark);
        InstanceRow instance = locked.instance();
        TaskRow task = locked.task();
        List<AttachmentRef> refs = attachments.claim(instance.tenantId(), attachmentIds, uploader,
                instance.instanceId(), "attachmentIds");
        Instant now = clock.instant();
        if (!tasks.finish(instance.tenantId(), task.id(), TaskStatus.COMPLETED, result, now)) {
            // The instance lock queues decisions; this conditional write is the last word if one slipped past it.
            throw taskFinished();
        }
        operations.add(instance.tenantId(), instance.instanceId(), new OperationRecord(task.assignee(), now,
                automatic ? OperationType.EXECUTE_TASK_AUTO : OperationType.EXECUTE_TASK_NORMAL, result, text, refs,
                List.of(), task.activityId(), task.activityName()));
        publisher.publishEvent(new ApprovalTaskFinished(instance.tenantId(), instance.instanceId(), task.id(),
                instance.processCode(), instance.title(), instance.originatorUserId(), task.assignee(),
                task.activityId(), TaskOutcome.FINISH, result, text, automatic, null, now));
        if (result == InstanceResult.AGREE) {
            flowableTasks.complete(task.flowableTaskId());
            progress.sync(instance.tenantId(), instance.instanceId());
        } else {
            progress.finish(instance, InstanceStatus.COMPLETED, InstanceResult.REFUSE,
                    automatic ? null : task.assignee(), now);
            runtime.deleteProcessInstance(instance.flowableInstanceId(), "refused");
        }
    }

    /** Hands the task to another active person; {@code by} is null when Lantau escalates it. */
    void transfer(Locked locked, String to, String remark, String by) {
        InstanceRow instance = locked.instance();
        TaskRow task = locked.task();
        String text = remark(remark);
        if (to == null || !resolver.isActive(instance.tenantId(), to)) {
            throw LantauException.invalidField("toUserId", "approval.transfer_target_invalid",
                    "Transfer to an active person of the organisation.");
        }
        if (to.equals(task.assignee())) {
            throw LantauException.invalidField("toUserId", "approval.transfer_target_invalid",
                    "The task is theirs already.");
        }
        Instant now = clock.instant();
        if (!tasks.redirect(instance.tenantId(), task.id(), now)) {
            throw taskFinished();
        }
        operations.add(instance.tenantId(), instance.instanceId(), new OperationRecord(by, now,
                OperationType.REDIRECT_TASK, null, text, List.of(), List.of(), task.activityId(),
                task.activityName()));
        publisher.publishEvent(new ApprovalTaskFinished(instance.tenantId(), instance.instanceId(), task.id(),
                instance.processCode(), instance.title(), instance.originatorUserId(), task.assignee(),
                task.activityId(), TaskOutcome.REDIRECT, null, text, by == null, to, now));
        flowableTasks.setAssignee(task.flowableTaskId(), to);
        progress.assign(instance, flowableTasks.createTaskQuery().taskId(task.flowableTaskId()).singleResult(), now);
    }

    private static String remark(String remark) {
        if (remark != null && remark.length() > MAX_REMARK) {
            throw LantauException.invalidField("remark", "approval.comment_invalid",
                    "A remark has at most " + MAX_REMARK + " characters.");
        }
        return remark == null || remark.isBlank() ? null : remark.strip();
    }

    static LantauException notFound() {
        return LantauException.notFound("approval.task_not_found", "No such task.");
    }

    private static LantauException taskFinished() {
        return LantauException.conflict("approval.task_finished", "The task is no longer waiting for a decision.");
    }
}
