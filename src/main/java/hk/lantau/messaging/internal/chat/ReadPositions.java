package hk.lantau.messaging.internal.chat;

import hk.lantau.messaging.ReadPosition;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' read positions: one row per member and conversation. Moving one is a single-row update,
 * plus one range read of the messages it passes to find whose receipts changed.
 */
@Component
class ReadPositions {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ChatEvents events;
    private final Clock clock;

    ReadPositions(ConversationRepository conversations, MessageRepository messages, ChatEvents events, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ReadPosition markRead(long tenantId, String userId, String conversationId, long seq) {
        if (seq < 0) {
            throw LantauException.invalidField("seq", "messaging.seq_invalid", "A seq is 0 or more.");
        }
        StoredConversation conversation = conversations.find(tenantId, conversationId)
                .orElseThrow(ChatErrors::conversationNotFound);
        StoredMember member = conversations.member(tenantId, conversationId, userId)
                .orElseThrow(ChatErrors::conversationNotFound);
        long target = Math.min(seq, conversation.lastSeq());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (target <= member.readSeq() || !conversations.moveReadPosition(tenantId, conversationId, userId, target, now)) {
            StoredMember current = conversations.member(tenantId, conversationId, userId).orElseThrow();
            return position(conversationId, userId, current.readSeq(), current.readAt(), conversation.lastSeq());
        }
        // The senders of the messages now read see their receipts change; the reader's other devices clear the badge.
        Set<String> told = new TreeSet<>(conversations.membersAmong(tenantId, conversationId,
                messages.peopleWhoWrote(tenantId, conversationId, member.readSeq(), target)));
        told.add(userId);
        events.send(tenantId, told, ChatEvents.CONVERSATION_READ, ChatEvents.payload("conversationId", conversationId,
                "userId", userId, "fromSeq", member.readSeq(), "readSeq", target, "readAt", now));
        return position(conversationId, userId, target, now, conversation.lastSeq());
    }

    private static ReadPosition position(String conversationId, String userId, long readSeq, Instant readAt,
                                         long lastSeq) {
        return new ReadPosition(conversationId, userId, readSeq, readAt, Math.max(0, lastSeq - readSeq));
    }
}
