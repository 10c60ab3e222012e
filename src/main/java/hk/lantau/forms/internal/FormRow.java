package hk.lantau.forms.internal;

import hk.lantau.approval.FormComponent;
import hk.lantau.forms.FormAudience;
import hk.lantau.forms.FormSchedule;
import hk.lantau.forms.FormStatus;
import java.time.Instant;
import java.util.List;

/** A stored form. */
record FormRow(long id, long tenantId, String title, String description, List<FormComponent> form,
               FormAudience audience, FormSchedule schedule, int retentionDays, boolean anonymous, FormStatus status,
               Instant scheduleFrom, String createdBy, Instant createdAt, Instant updatedAt) {
}
