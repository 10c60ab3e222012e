package hk.lantau.approval.internal.engine;

import hk.lantau.approval.ApprovalFinished;
import hk.lantau.approval.ApprovalTaskAssigned;
import hk.lantau.approval.ApprovalTaskFinished;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.OperationRecord;
import hk.lantau.approval.OperationType;
import hk.lantau.approval.TaskOutcome;
import hk.lantau.approval.TaskStatus;
import hk.lantau.approval.TimeoutAction;
import hk.lantau.approval.TimeoutRule;
import hk.lantau.approval.internal.engine.InstanceRepository.InstanceRow;
import hk.lantau.approval.internal.engine.TaskRepository.TaskRow;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Brings Lantau's mirror in line with Flowable after the engine moved an instance: new Flowable
 * tasks become apr_task rows (with their due time) and are announced, tasks Flowable dropped (an
 * or-sign decided by someone else, an ended instance) are cancelled, and an instance whose process
 * reached its end is completed as agreed.
 */
@Component
class InstanceProgress {

    private final InstanceRepository instances;
    private final TaskRepository tasks;
    private final OperationRepository operations;
    private final Definitions definitions;
    private final RuntimeService runtime;
    private final TaskService flowableTasks;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    InstanceProgress(InstanceRepository instances, TaskRepository tasks, OperationRepository operations,
                     Definitions definitions, RuntimeService runtime, TaskService flowableTasks,
                     ApplicationEventPublisher publisher, Clock clock) {
        this.instances = instances;
        this.tasks = tasks;
        this.operations = operations;
        this.definitions = definitions;
        this.runtime = runtime;
        this.flowableTasks = flowableTasks;
        this.publisher = publisher;
        this.clock = clock;
    }

    void sync(long tenantId, String instanceId) {
        InstanceRow instance = instances.find(tenantId, instanceId).orElseThrow();
        Instant now = clock.instant();
        List<Task> active = instance.running() && instance.flowableInstanceId() != null
                ? flowableTasks.createTaskQuery().processInstanceId(instance.flowableInstanceId()).list()
                : List.of();
        Map<String, Task> byId = new HashMap<>();
        active.forEach(task -> byId.put(task.getId(), task));
        List<TaskRow> mirrored = tasks.ofInstance(tenantId, instanceId);
        for (TaskRow row : mirrored) {
            if (row.running() && (row.flowableTaskId() == null || byId.remove(row.flowableTaskId()) == null)) {
                cancel(instance, row, now);
            } else if (row.flowableTaskId() != null) {
                byId.remove(row.flowableTaskId());
            }
        }
        active.stream().filter(task -> byId.containsKey(task.getId())).forEach(task -> assign(instance, task, now));
        // A process with a waiting task has not ended, so Flowable is asked only when none waits.
        if (instance.running() && instance.flowableInstanceId() != null && active.isEmpty()
                && runtime.createProcessInstanceQuery()
                .processInstanceId(instance.flowableInstanceId()).count() == 0) {
            finish(instance, InstanceStatus.COMPLETED, InstanceResult.AGREE, null, now);
        }
    }

    /** Ends the instance in Lantau's tables and tells subscribers; its running tasks are cancelled. */
    void finish(InstanceRow instance, InstanceStatus status, InstanceResult result, String actor, Instant now) {
        if (!instances.finish(instance.tenantId(), instance.instanceId(), status, result, now)) {
            return;
        }
        if (status == InstanceStatus.COMPLETED) {
            operations.add(instance.tenantId(), instance.instanceId(), new OperationRecord(null, now,
                    OperationType.FINISH_PROCESS_INSTANCE, result, null, List.of(), List.of(), null, null));
        }
        for (TaskRow row : tasks.ofInstance(instance.tenantId(), instance.instanceId())) {
            if (row.running()) {
                cancel(instance, row, now);
            }
        }
        publisher.publishEvent(new ApprovalFinished(instance.tenantId(), instance.instanceId(), instance.processCode(),
                instance.title(), instance.originatorUserId(), status, result, actor, instance.createdAt(), now));
    }

    /** A new task of the assignee on a Flowable task, due by its step's time-out. */
    long assign(InstanceRow instance, Task task, Instant now) {
        ApproverStep step = Definitions.approverStep(
                definitions.version(instance.tenantId(), instance.processCode(), instance.templateVersion()),
                task.getTaskDefinitionKey());
        TimeoutRule timeout = step.timeout();
        Instant due = timeout.action() == TimeoutAction.NONE ? null : now.plus(timeout.after());
        long id = tasks.insert(new TaskRow(0, instance.tenantId(), instance.instanceId(), step.id(), step.name(),
                task.getAssignee(), TaskStatus.RUNNING, null, task.getId(), now, null, due, timeout.action()));
        publisher.publishEvent(new ApprovalTaskAssigned(instance.tenantId(), instance.instanceId(), id,
                instance.processCode(), instance.title(), instance.originatorUserId(), task.getAssignee(), step.id(),
                now, due));
        return id;
    }

    private void cancel(InstanceRow instance, TaskRow row, Instant now) {
        if (tasks.finish(instance.tenantId(), row.id(), TaskStatus.CANCELED, null, now)) {
            publisher.publishEvent(new ApprovalTaskFinished(instance.tenantId(), instance.instanceId(), row.id(),
                    instance.processCode(), instance.title(), instance.originatorUserId(), row.assignee(),
                    row.activityId(), TaskOutcome.CANCEL, null, null, true, null, now));
        }
    }
}
