package hk.lantau.forms;

import hk.lantau.approval.FormValue;
import java.util.List;

/**
 * Smart forms. Designing needs {@code forms.manage}; reading forms, rounds, summaries and exports
 * {@code forms.read} (included in {@code forms.manage}); answering, being in the round's audience.
 * Everything is scoped to one organisation: another's forms and rounds answer 404.
 */
public interface SmartForms {

    List<FormView> list(long tenantId, boolean includeArchived);

    FormView get(long tenantId, long formId);

    /** Checks everything and stores nothing when anything is wrong (400 {@code forms.form_invalid}). */
    FormView create(long tenantId, FormDefinition definition);

    /** Replaces the definition; rounds already open keep the form they opened with. */
    FormView update(long tenantId, long formId, FormDefinition definition);

    /** Opens no more rounds and closes the open one. */
    FormView archive(long tenantId, long formId);

    /** Ready-made definitions to start from, by key (the daily health declaration). */
    List<FormPreset> presets();

    List<RoundView> rounds(long tenantId, long formId);

    RoundSummary summary(long tenantId, long formId, long roundId);

    /** @param format {@code csv} or {@code xlsx} */
    RoundExport export(long tenantId, long formId, long roundId, String format, boolean bom);

    /** The open rounds that ask the calling person, newest first. */
    List<RoundView> myOpenRounds(long tenantId);

    /** A round that asks the calling person; others' and unknown rounds answer 404. */
    MyRound myRound(long tenantId, long roundId);

    /** The calling person's first answer; 409 {@code forms.already_answered} the second time. */
    MyRound answer(long tenantId, long roundId, List<FormValue> values);

    /** Replaces the calling person's answer while the round is open. */
    MyRound changeAnswer(long tenantId, long roundId, List<FormValue> values);
}
