package hk.lantau.messaging;

import java.time.Instant;

/**
 * A conversation as one member sees it. A direct conversation is named after the other person
 * ({@code peerId}); {@code unreadCount} counts the messages after the member's read position, and
 * {@code mentioned} says one of them mentions the member (or everyone).
 */
public record ConversationView(String id, ConversationKind kind, String name, String peerId, String ownerId,
                               Long departmentId, int memberCount, boolean dismissed, MemberRole myRole,
                               long lastSeq, long readSeq, long unreadCount, boolean mentioned,
                               MessageView lastMessage, Instant lastActivityAt, Instant createdAt) {
}
