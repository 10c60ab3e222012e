package hk.lantau.approval;

import java.time.Instant;
import java.util.Map;

/**
 * A trigger rule with what it last did: the last instance it started and the last failure (a
 * disabled template, a form the values no longer fit), which stays until a later start succeeds.
 */
public record TriggerRuleView(long id, String name, String processCode, String dateField, int daysBefore,
                              String originator, String originatorUserId, String subjectField,
                              Map<String, String> fixedValues, boolean enabled, Instant lastRunAt,
                              String lastInstanceId, LastError lastError, Instant createdAt, Instant updatedAt) {

    public TriggerRuleView {
        fixedValues = Map.copyOf(fixedValues);
    }

    /** @param subjectUserId whom the failed start was for */
    public record LastError(String code, String message, String subjectUserId, Instant at) {
    }
}
