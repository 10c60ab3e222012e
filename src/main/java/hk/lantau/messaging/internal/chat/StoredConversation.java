package hk.lantau.messaging.internal.chat;

import hk.lantau.messaging.ConversationInfo;
import hk.lantau.messaging.ConversationKind;
import java.time.Instant;

record StoredConversation(long tenantId, String id, ConversationKind kind, String name, String ownerId,
                          String pairKey, Long departmentId, long lastSeq, int memberCount, boolean dismissed,
                          Instant createdAt, Instant lastActivity) {

    boolean group() {
        return kind != ConversationKind.DIRECT;
    }

    ConversationInfo info() {
        return new ConversationInfo(id, kind, name, ownerId, memberCount, dismissed);
    }
}
