package hk.lantau.approval;

import java.util.List;

/**
 * Rules that start an approval for a person from a date in the directory, such as a salary
 * review 14 days before their contract ends. Managing them needs {@code approval.manage}; every
 * change is audited. A rule fires once per person and date.
 */
public interface ApprovalTriggers {

    List<TriggerRuleView> list(long tenantId);

    /** 400 with the fields at fault (unknown template or field, days out of range), nothing created. */
    TriggerRuleView create(long tenantId, TriggerRule rule);

    TriggerRuleView get(long tenantId, long ruleId);

    /** Replaces the rule's settings; what it already fired stays fired. */
    TriggerRuleView update(long tenantId, long ruleId, TriggerRule rule);

    void delete(long tenantId, long ruleId);
}
