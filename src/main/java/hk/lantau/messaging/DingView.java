package hk.lantau.messaging;

import java.time.Instant;

/**
 * A DING as its sender or a recipient sees it. {@code confirmedAt} is the viewing recipient's own
 * confirmation (null for the sender, or while unconfirmed).
 */
public record DingView(long id, String senderId, String senderName, String text, String conversationId,
                       Long messageId, DingStatus status, Instant sendAt, Instant sentAt, Instant cancelledAt,
                       int remindEveryMinutes, int reminders, Integer emailFrom, Integer smsFrom, int recipientCount,
                       int confirmedCount, Instant createdAt, Instant confirmedAt) {
}
