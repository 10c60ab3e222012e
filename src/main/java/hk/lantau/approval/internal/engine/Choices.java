package hk.lantau.approval.internal.engine;

import hk.lantau.approval.ApproverSource;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.BranchStep;
import hk.lantau.approval.CcStep;
import hk.lantau.approval.ProcessStep;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.UserStatus;
import hk.lantau.shared.LantauException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people an originator chooses at submission for steps that say {@link
 * ApproverSource.ApproverKind#ORIGINATOR_CHOICE}: every such step's key needs 1 to 20 active people,
 * and keys the template does not ask for are refused.
 */
final class Choices {

    private static final int MAX = 20;

    private Choices() {
    }

    static Map<String, List<String>> check(long tenantId, TemplateDefinition definition,
                                           Map<String, List<String>> given, Audiences audiences) {
        Set<String> keys = new LinkedHashSet<>();
        collect(definition.process(), keys);
        for (String key : given.keySet()) {
            if (!keys.contains(key)) {
                throw LantauException.invalidField("approverChoices." + key, "approval.approver_choice_invalid",
                        "The template asks for no choice " + key + ".");
            }
        }
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (String key : keys) {
            List<String> people = given.getOrDefault(key, List.of()).stream().distinct().toList();
            Map<String, UserStatus> statuses = audiences.statuses(tenantId, people);
            if (people.isEmpty() || people.size() > MAX
                    || people.stream().anyMatch(u -> statuses.get(u) != UserStatus.ACTIVE)) {
                throw LantauException.invalidField("approverChoices." + key, "approval.approver_choice_invalid",
                        "Choose 1 to " + MAX + " active people for " + key + ".");
            }
            choices.put(key, people);
        }
        return choices;
    }

    private static void collect(List<ProcessStep> steps, Set<String> keys) {
        for (ProcessStep step : steps) {
            if (step instanceof ApproverStep approver) {
                add(approver.approvers(), keys);
            } else if (step instanceof CcStep cc) {
                add(cc.recipients(), keys);
            } else if (step instanceof BranchStep branch) {
                branch.branches().forEach(b -> collect(b.steps(), keys));
            }
        }
    }

    private static void add(ApproverSource source, Set<String> keys) {
        if (source.kind() == ApproverSource.ApproverKind.ORIGINATOR_CHOICE) {
            keys.add(source.choiceKey());
        }
    }
}
