package hk.lantau.messaging.internal.ding;

import hk.lantau.messaging.DingStatus;
import java.time.Instant;

/** A DING as stored, with how many recipients have confirmed it. */
record DingRow(long id, long tenantId, String senderId, String text, String conversationId, Long messageId,
               DingStatus status, Instant sendAt, Instant sentAt, Instant cancelledAt, int remindEveryMinutes,
               int reminders, Integer emailFrom, Integer smsFrom, int recipientCount, Instant createdAt,
               int confirmedCount) {

    /** Whether reminder {@code step} (0 is the DING itself) goes out by e-mail as well. */
    boolean emailAt(int step) {
        return emailFrom != null && step >= emailFrom;
    }

    boolean smsAt(int step) {
        return smsFrom != null && step >= smsFrom;
    }
}
