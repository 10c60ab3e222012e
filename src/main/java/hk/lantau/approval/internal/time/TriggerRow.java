package hk.lantau.approval.internal.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A stored trigger rule. */
record TriggerRow(long id, long tenantId, String name, String processCode, DateField dateField, int daysBefore,
                  Originator originator, String originatorUserId, String subjectField,
                  Map<String, String> fixedValues, boolean enabled, LocalDate checkedThrough, Instant lastRunAt,
                  String lastInstanceId, String lastErrorCode, String lastError, String lastErrorSubject,
                  Instant lastErrorAt, Instant createdAt, Instant updatedAt) {

    enum DateField { CONTRACT_END, HIRE_ANNIVERSARY }

    enum Originator { SUBJECT, MANAGER, USER }
}
