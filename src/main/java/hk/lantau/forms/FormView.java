package hk.lantau.forms;

import hk.lantau.approval.FormComponent;
import java.time.Instant;
import java.util.List;

/** A form as its designers see it; {@code nextRoundAt} is null when no further round will open. */
public record FormView(long id, String title, String description, List<FormComponent> form, FormAudience audience,
                       FormSchedule schedule, int retentionDays, boolean anonymous, FormStatus status,
                       Instant nextRoundAt, String createdBy, Instant createdAt, Instant updatedAt) {
}
