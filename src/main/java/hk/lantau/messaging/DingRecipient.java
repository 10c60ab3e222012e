package hk.lantau.messaging;

import java.time.Instant;

/** One recipient's confirmation and reminders; {@code nextRemindAt} is null once no more are due. */
public record DingRecipient(String userId, String name, Instant confirmedAt, int remindersSent,
                            Instant lastRemindedAt, Instant nextRemindAt) {
}
