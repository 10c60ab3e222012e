package hk.lantau.approval;

import java.util.Map;

/**
 * A trigger rule as an admin writes it.
 *
 * @param processCode       the template started, its latest enabled version
 * @param dateField         {@code CONTRACT_END} (the person's contract end date) or
 *                          {@code HIRE_ANNIVERSARY} (each anniversary of their hire date)
 * @param daysBefore        how many days before that date, 1 to 365
 * @param originator        who submits: {@code SUBJECT} (the person), {@code MANAGER} (their
 *                          manager) or {@code USER} (then {@code originatorUserId})
 * @param subjectField      the id of the template's {@code InnerContactField} that receives the person
 * @param fixedValues       values for other fields of the form, by component id
 * @param enabled           default {@code true}
 */
public record TriggerRule(String name, String processCode, String dateField, Integer daysBefore, String originator,
                          String originatorUserId, String subjectField, Map<String, String> fixedValues,
                          Boolean enabled) {

    public TriggerRule {
        fixedValues = fixedValues == null ? Map.of() : Map.copyOf(fixedValues);
    }
}
