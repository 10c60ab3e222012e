package hk.lantau.messaging.internal.chat;

import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageState;
import java.time.Instant;
import java.util.List;

/** A message row; {@code content} is its JSON, null once recalled or removed. */
record StoredMessage(long id, String conversationId, long seq, MessageAuthor author, String kind, String content,
                     boolean mentionAll, List<String> mentions, Long replyToSeq, String clientMessageId,
                     MessageState state, Instant sentAt) {
}
