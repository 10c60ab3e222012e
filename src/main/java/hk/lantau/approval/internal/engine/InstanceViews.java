package hk.lantau.approval.internal.engine;

import hk.lantau.approval.InstanceView;
import hk.lantau.approval.TaskView;
import hk.lantau.approval.internal.engine.InstanceRepository.InstanceRow;
import hk.lantau.approval.internal.engine.TaskRepository.TaskRow;
import hk.lantau.approval.internal.form.SubmittedForm;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds what callers see of instances and tasks. */
@Component
class InstanceViews {

    private final InstanceRepository instances;
    private final TaskRepository tasks;
    private final OperationRepository operations;

    InstanceViews(InstanceRepository instances, TaskRepository tasks, OperationRepository operations) {
        this.instances = instances;
        this.tasks = tasks;
        this.operations = operations;
    }

    InstanceView view(long tenantId, String instanceId) {
        InstanceRow row = instances.find(tenantId, instanceId).orElseThrow();
        List<TaskRow> taskRows = tasks.ofInstance(tenantId, instanceId);
        List<String> approvers = taskRows.stream().map(TaskRow::assignee).distinct().toList();
        return new InstanceView(row.instanceId(), row.processCode(), row.templateVersion(), row.title(),
                row.originatorUserId(), row.departmentId(), row.status(), row.result(), row.createdAt(),
                row.finishedAt(), SubmittedForm.fromJson(row.formValues()).values(), approvers, instances.ccs(tenantId, instanceId),
                operations.ofInstance(tenantId, instanceId),
                taskRows.stream().map(task -> task(row, task)).toList());
    }

    static TaskView task(InstanceRow instance, TaskRow task) {
        return new TaskView(task.id(), task.instanceId(), instance.processCode(), instance.title(), task.assignee(),
                task.status(), task.result(), task.activityId(), task.activityName(), task.createdAt(),
                task.finishedAt(), task.dueAt());
    }
}
