package hk.lantau.messaging;

import hk.lantau.shared.CursorPage;

/** People's messages: sending, history, recall, moderation and read receipts. */
public interface Messages {

    SentMessage send(long tenantId, String userId, String userName, String conversationId, NewMessage message);

    /**
     * One page of history the member may see. With {@code after}, the messages after that seq, oldest
     * first (catching up); otherwise those before {@code before} (or the newest), newest first.
     */
    CursorPage<MessageView> history(long tenantId, String userId, String conversationId, Long before, Long after,
                                    int limit);

    /** The sender takes back their message within 24 hours; it becomes a tombstone for everyone. */
    MessageView recall(long tenantId, String userId, String conversationId, long messageId);

    /** A moderator removes any message of the organisation; the content is deleted and the removal audited. */
    MessageView remove(long tenantId, String conversationId, long messageId, String reason);

    Receipt receipts(long tenantId, String userId, String conversationId, long messageId);
}
