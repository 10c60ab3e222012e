package hk.lantau.approval.internal.engine;

import hk.lantau.approval.ApprovalCopied;
import hk.lantau.approval.ApprovalTaskFinished;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.BranchStep;
import hk.lantau.approval.CcStep;
import hk.lantau.approval.EmptyApproverRule;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.OperationRecord;
import hk.lantau.approval.OperationType;
import hk.lantau.approval.TaskOutcome;
import hk.lantau.approval.TaskStatus;
import hk.lantau.approval.internal.engine.InstanceRepository.InstanceRow;
import hk.lantau.approval.internal.engine.RunContexts.RunContext;
import hk.lantau.approval.internal.engine.TaskRepository.TaskRow;
import hk.lantau.approval.internal.form.ConditionInput;
import hk.lantau.approval.internal.form.Conditions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the compiled processes call while they run (see {@link BpmnCompiler}): who approves a step,
 * who is copied, which branch applies. It runs inside the Flowable command, so inside the
 * transaction of the submission or decision that moved the process, and writes Lantau's history
 * there too.
 */
@Component(ProcessCallbacks.BEAN)
class ProcessCallbacks {

    static final String BEAN = "lantauApproval";
    static final String TENANT = "tenantId";
    static final String INSTANCE = "instanceId";

    private final RunContexts contexts;
    private final ApproverResolver resolver;
    private final InstanceRepository instances;
    private final TaskRepository tasks;
    private final OperationRepository operations;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ProcessCallbacks(RunContexts contexts, ApproverResolver resolver, InstanceRepository instances,
                     TaskRepository tasks, OperationRepository operations, ApplicationEventPublisher publisher,
                     Clock clock) {
        this.contexts = contexts;
        this.resolver = resolver;
        this.instances = instances;
        this.tasks = tasks;
        this.operations = operations;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The approvers of a step as it starts, after the step's rules for the originator and for nobody. */
    public List<String> approvers(DelegateExecution execution, String stepId) {
        RunContext run = context(execution);
        InstanceRow instance = run.instance();
        long tenantId = instance.tenantId();
        ApproverStep step = Definitions.approverStep(run.definition(), stepId);
        List<String> people = resolver.resolve(tenantId, instance.originatorUserId(), instance.approverChoices(),
                step.approvers());
        String originator = instance.originatorUserId();
        Instant now = clock.instant();
        boolean passedSelf = false;
        if (people.contains(originator)) {
            switch (step.ifOriginator()) {
                case AUTO_PASS -> {
                    people.remove(originator);
                    autoPass(instance, step, now);
                    passedSelf = true;
                }
                case TO_MANAGER -> resolver.manager(tenantId, originator, 1).ifPresent(manager -> {
                    int at = people.indexOf(originator);
                    if (people.contains(manager)) {
                        people.remove(at);
                    } else {
                        people.set(at, manager);
                    }
                });
                case ORIGINATOR_DECIDES -> { }
            }
        }
        if (people.isEmpty() && !passedSelf) {
            String fallback = run.definition().fallbackApproverUserId();
            if (step.ifEmpty() == EmptyApproverRule.TO_ADMIN && resolver.isActive(tenantId, fallback)) {
                people.add(fallback);
            } else {
                operations.add(tenantId, instance.instanceId(), new OperationRecord(null, now,
                        OperationType.EXECUTE_TASK_AUTO, InstanceResult.AGREE, "No approver was found; the step passed.",
                        List.of(), List.of(), step.id(), step.name()));
            }
        }
        return people;
    }

    /** Copies the step's recipients on the instance. */
    public void copy(DelegateExecution execution, String stepId) {
        RunContext run = context(execution);
        InstanceRow instance = run.instance();
        CcStep step = Definitions.ccStep(run.definition(), stepId);
        List<String> people = resolver.resolve(instance.tenantId(), instance.originatorUserId(),
                instance.approverChoices(), step.recipients());
        if (people.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        instances.addCcs(instance.tenantId(), instance.instanceId(), people, now);
        operations.add(instance.tenantId(), instance.instanceId(), new OperationRecord(null, now,
                OperationType.PROCESS_CC, null, null, List.of(), people, step.id(), step.name()));
        publisher.publishEvent(new ApprovalCopied(instance.tenantId(), instance.instanceId(), instance.processCode(),
                instance.title(), instance.originatorUserId(), people, now));
    }

    /** Whether the condition of the branch step's branch at {@code index} holds for this instance. */
    public boolean branch(DelegateExecution execution, String branchStepId, int index) {
        RunContext run = context(execution);
        BranchStep step = (BranchStep) Definitions.step(run.definition(), branchStepId).orElseThrow();
        BranchStep.Branch branch = step.branches().get(index);
        return branch.condition() != null && Conditions.matches(branch.condition(),
                new ConditionInput(run.form(), run.departmentPath(), run.variables()));
    }

    private void autoPass(InstanceRow instance, ApproverStep step, Instant now) {
        long id = tasks.insert(new TaskRow(0, instance.tenantId(), instance.instanceId(), step.id(), step.name(),
                instance.originatorUserId(), TaskStatus.COMPLETED, InstanceResult.AGREE, null, now, now, null, null));
        String remark = "The originator's own approval passed automatically.";
        operations.add(instance.tenantId(), instance.instanceId(), new OperationRecord(instance.originatorUserId(),
                now, OperationType.EXECUTE_TASK_AUTO, InstanceResult.AGREE, remark, List.of(), List.of(), step.id(),
                step.name()));
        publisher.publishEvent(new ApprovalTaskFinished(instance.tenantId(), instance.instanceId(), id,
                instance.processCode(), instance.title(), instance.originatorUserId(), instance.originatorUserId(),
                step.id(), TaskOutcome.FINISH, InstanceResult.AGREE, remark, true, null, now));
    }

    private RunContext context(DelegateExecution execution) {
        long tenantId = ((Number) execution.getVariable(TENANT)).longValue();
        return contexts.load(tenantId, (String) execution.getVariable(INSTANCE));
    }
}
