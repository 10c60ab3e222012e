package hk.lantau.approval;

import hk.lantau.shared.FieldViolation;
import java.util.List;

/**
 * The rules of approval forms for other modules that build forms from the same components: what a
 * definition must satisfy and how submitted values are read, with the codes and paths
 * docs/approval-forms.md lists. Pure checks: nothing is stored.
 */
public interface FormRules {

    /**
     * What is wrong with a form definition, on paths such as {@code form[2].options}, with codes
     * such as {@code approval.component_options_invalid}; empty when it is fine.
     */
    List<FieldViolation> check(List<FormComponent> form);

    /**
     * Reads submitted values against a form that passed {@link #check}: every value-taking
     * component in form order, with its value in DingTalk's encoding ({@code ""} when unanswered).
     *
     * @throws hk.lantau.shared.LantauException 400 {@code approval.form_invalid}, one violation per
     *                                          refused component (field: its id)
     */
    List<InstanceView.SubmittedValue> read(List<FormComponent> form, List<FormValue> values);
}
