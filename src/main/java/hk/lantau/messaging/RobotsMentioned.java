package hk.lantau.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A person posted a message that mentions robots by robot code. Published in the transaction that
 * stores the message, so a listener after commit sees the message in the conversation.
 * {@code text} is the message's text (null for other kinds); {@code mentionedUserIds} are the
 * members the message mentions.
 */
public record RobotsMentioned(long tenantId, String conversationId, long messageId, String senderId,
                              String senderName, String text, List<String> mentionedUserIds, Set<String> robots,
                              Instant sentAt) {

    public RobotsMentioned {
        mentionedUserIds = List.copyOf(mentionedUserIds);
        robots = Set.copyOf(robots);
    }
}
