package hk.lantau.approval.internal.engine;

import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.BranchStep;
import hk.lantau.approval.CcStep;
import hk.lantau.approval.Condition;
import hk.lantau.approval.ProcessStep;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.approval.internal.form.FormSchema;
import hk.lantau.approval.internal.form.ProcessCheck;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.UserStatus;
import hk.lantau.shared.FieldViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a definition must satisfy before it compiles: its form ({@link FormSchema#check}),
 * its process ({@link ProcessCheck#check}), and what only the organisation can answer: the people
 * and departments it names exist (people active).
 */
final class TemplateRules {

    private final Set<String> userIds = new LinkedHashSet<>();
    private final Set<Long> departmentIds = new LinkedHashSet<>();

    private TemplateRules() {
    }

    static List<FieldViolation> check(long tenantId, TemplateDefinition definition, Audiences audiences) {
        List<FieldViolation> violations = new ArrayList<>(FormSchema.check(definition.form()));
        violations.addAll(ProcessCheck.check(definition));
        if (!violations.isEmpty()) {
            return violations;
        }
        TemplateRules rules = new TemplateRules();
        rules.steps(definition.process());
        if (definition.fallbackApproverUserId() != null) {
            rules.userIds.add(definition.fallbackApproverUserId());
        }
        Map<String, UserStatus> statuses = audiences.statuses(tenantId, rules.userIds);
        for (String userId : rules.userIds) {
            if (statuses.get(userId) != UserStatus.ACTIVE) {
                violations.add(new FieldViolation("process", "approval.user_unknown",
                        "No active person " + userId + " in the organisation."));
            }
        }
        Set<Long> existing = audiences.existingDepartments(tenantId, rules.departmentIds);
        for (Long departmentId : rules.departmentIds) {
            if (!existing.contains(departmentId)) {
                violations.add(new FieldViolation("process", "approval.department_unknown",
                        "No department " + departmentId + " in the organisation."));
            }
        }
        return violations;
    }

    private void steps(List<ProcessStep> steps) {
        for (ProcessStep step : steps) {
            if (step instanceof ApproverStep approver) {
                userIds.addAll(approver.approvers().userIds());
            } else if (step instanceof CcStep cc) {
                userIds.addAll(cc.recipients().userIds());
            } else if (step instanceof BranchStep branch) {
                for (BranchStep.Branch b : branch.branches()) {
                    if (b.condition() != null) {
                        condition(b.condition());
                    }
                    steps(b.steps());
                }
            }
        }
    }

    private void condition(Condition condition) {
        if (condition instanceof Condition.Department department) {
            departmentIds.addAll(department.departmentIds());
        } else if (condition instanceof Condition.AllOf all) {
            all.conditions().forEach(this::condition);
        } else if (condition instanceof Condition.AnyOf any) {
            any.conditions().forEach(this::condition);
        }
    }
}
