package hk.lantau.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A message as its readers see it. {@code content} is null once the message was recalled or
 * removed. {@code html} is the safe rendering of markdown and card text (null for other kinds):
 * clients show it as is and never render {@code content}'s markdown themselves.
 */
public record MessageView(long id, String conversationId, long seq, MessageAuthor author, MessageState state,
                          String kind, MessageContent content, String html, List<String> mentions,
                          boolean mentionAll, Quote replyTo, String clientMessageId, Instant sentAt) {

    public MessageView {
        mentions = List.copyOf(mentions);
    }

    /** The start of the message a reply answers, or only its state when it was recalled or removed. */
    public record Quote(long messageId, long seq, String authorName, MessageState state, String excerpt) {
    }
}
