package hk.lantau.messaging;

import java.time.Instant;

/** Where a member has read up to in a conversation, and how many messages remain unread. */
public record ReadPosition(String conversationId, String userId, long readSeq, Instant readAt, long unreadCount) {
}
