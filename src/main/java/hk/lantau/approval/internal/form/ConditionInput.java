package hk.lantau.approval.internal.form;

import java.util.List;
import java.util.Map;

/**
 * What branch conditions look at.
 *
 * @param departmentPath the department the originator submitted from, then its parents up to the root
 * @param variables      the template's variables as resolved for that department, by key
 */
public record ConditionInput(SubmittedForm form, List<Long> departmentPath, Map<String, String> variables) {

    public ConditionInput {
        departmentPath = departmentPath == null ? List.of() : List.copyOf(departmentPath);
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
