package hk.lantau.approval.internal.engine;

import hk.lantau.approval.ApprovalMode;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.BranchStep;
import hk.lantau.approval.CcStep;
import hk.lantau.approval.ProcessStep;
import hk.lantau.approval.TemplateDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.flowable.bpmn.BpmnAutoLayout;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;

/**
 * Compiles a template's nested steps into one BPMN 2.0 process. Steps keep their ids as element
 * ids (they are checked to be XML names without dots), so tasks and history name the designer's
 * steps; the elements Lantau adds have dotted ids. Who approves, who is copied and which branch
 * is taken are decided at run time by {@link ProcessCallbacks}, so a manager chain or a role is
 * read when its step starts, not when the template was saved.
 */
final class BpmnCompiler {

    static final String START = "lantau.start";
    static final String END = "lantau.end";
    static final String APPROVER_VARIABLE = "approver";

    private final Process process = new Process();
    private int flows;

    private BpmnCompiler(String processKey, String name) {
        process.setId(processKey);
        process.setName(name);
        process.setExecutable(true);
    }

    /** The Flowable process key of a template: its process code made into an XML name. */
    static String processKey(String processCode) {
        return "lantau_" + processCode.replace('-', '_');
    }

    static BpmnModel compile(String processCode, TemplateDefinition definition) {
        BpmnCompiler compiler = new BpmnCompiler(processKey(processCode), definition.name());
        StartEvent start = new StartEvent();
        start.setId(START);
        compiler.add(start);
        String last = compiler.chain(START, definition.process(), flow -> { });
        EndEvent end = new EndEvent();
        end.setId(END);
        compiler.add(end);
        compiler.connect(last, END);
        BpmnModel model = new BpmnModel();
        model.addProcess(compiler.process);
        // Shapes and edges (BPMNDI), so the downloaded XML opens in a modeller as a diagram.
        new BpmnAutoLayout(model).execute();
        return model;
    }

    static String toXml(BpmnModel model) {
        return new String(new BpmnXMLConverter().convertToXML(model, "UTF-8"), StandardCharsets.UTF_8);
    }

    /** Adds the steps after {@code from}; the first flow added is handed to {@code firstFlow}. Returns the last element. */
    private String chain(String from, List<ProcessStep> steps, Consumer<SequenceFlow> firstFlow) {
        String previous = from;
        Consumer<SequenceFlow> onFlow = firstFlow;
        for (ProcessStep step : steps) {
            String[] ends;
            if (step instanceof ApproverStep approver) {
                ends = single(approverTask(approver));
            } else if (step instanceof CcStep cc) {
                ends = single(ccTask(cc));
            } else {
                ends = branch((BranchStep) step);
            }
            onFlow.accept(connect(previous, ends[0]));
            onFlow = flow -> { };
            previous = ends[1];
        }
        return previous;
    }

    private String[] single(FlowElement element) {
        add(element);
        return new String[] {element.getId(), element.getId()};
    }

    private UserTask approverTask(ApproverStep step) {
        UserTask task = new UserTask();
        task.setId(step.id());
        task.setName(step.name());
        task.setAssignee("${" + APPROVER_VARIABLE + "}");
        MultiInstanceLoopCharacteristics loop = new MultiInstanceLoopCharacteristics();
        loop.setSequential(step.mode() == ApprovalMode.SEQUENTIAL);
        loop.setInputDataItem("${" + ProcessCallbacks.BEAN + ".approvers(execution, '" + step.id() + "')}");
        loop.setElementVariable(APPROVER_VARIABLE);
        if (step.mode() == ApprovalMode.OR_SIGN) {
            loop.setCompletionCondition("${nrOfCompletedInstances >= 1}");
        }
        task.setLoopCharacteristics(loop);
        return task;
    }

    private ServiceTask ccTask(CcStep step) {
        ServiceTask task = new ServiceTask();
        task.setId(step.id());
        task.setName(step.name());
        task.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_EXPRESSION);
        task.setImplementation("${" + ProcessCallbacks.BEAN + ".copy(execution, '" + step.id() + "')}");
        return task;
    }

    /** A split gateway, each branch's chain, a join gateway; the default branch is the split's default flow. */
    private String[] branch(BranchStep step) {
        ExclusiveGateway split = new ExclusiveGateway();
        split.setId(step.id() + ".split");
        split.setName(step.name());
        add(split);
        ExclusiveGateway join = new ExclusiveGateway();
        join.setId(step.id() + ".join");
        for (int index = 0; index < step.branches().size(); index++) {
            BranchStep.Branch branch = step.branches().get(index);
            String condition = "${" + ProcessCallbacks.BEAN + ".branch(execution, '" + step.id() + "', " + index + ")}";
            String last = chain(split.getId(), branch.steps(), flow -> {
                flow.setName(branch.name());
                if (branch.condition() == null) {
                    split.setDefaultFlow(flow.getId());
                } else {
                    flow.setConditionExpression(condition);
                }
            });
            SequenceFlow toJoin = connect(last, join.getId());
            if (last.equals(split.getId())) {
                toJoin.setName(branch.name());
                if (branch.condition() == null) {
                    split.setDefaultFlow(toJoin.getId());
                } else {
                    toJoin.setConditionExpression(condition);
                }
            }
        }
        add(join);
        return new String[] {split.getId(), join.getId()};
    }

    private void add(FlowElement element) {
        process.addFlowElement(element);
    }

    private SequenceFlow connect(String from, String to) {
        SequenceFlow flow = new SequenceFlow(from, to);
        flow.setId("lantau.flow" + (++flows));
        process.addFlowElement(flow);
        return flow;
    }
}
