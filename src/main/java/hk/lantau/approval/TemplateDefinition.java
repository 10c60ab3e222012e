package hk.lantau.approval;

import java.util.List;

/**
 * What an HR admin designs: the form, the process and the variables. Saving a changed definition
 * makes a new version; instances finish on the version they started with.
 *
 * @param titleTemplate          the instance title, with <code>${originatorName}</code>,
 *                               <code>${templateName}</code>, <code>${field.id}</code> and
 *                               <code>${var.key}</code> (default: originator's name and template name)
 * @param fallbackApproverUserId who receives tasks of steps that find nobody and say
 *                               {@link EmptyApproverRule#TO_ADMIN}
 */
public record TemplateDefinition(String name, String description, String groupName, String titleTemplate,
                                 List<FormComponent> form, List<ProcessStep> process,
                                 List<TemplateVariable> variables, String fallbackApproverUserId) {

    public TemplateDefinition {
        form = form == null ? List.of() : List.copyOf(form);
        process = process == null ? List.of() : List.copyOf(process);
        variables = variables == null ? List.of() : List.copyOf(variables);
    }
}
