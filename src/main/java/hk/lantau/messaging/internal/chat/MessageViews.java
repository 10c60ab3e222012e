package hk.lantau.messaging.internal.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.MessageState;
import hk.lantau.messaging.MessageView;
import hk.lantau.messaging.internal.content.SafeHtml;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Turns stored messages into what readers see: content, its safe HTML, and the quote of a replied-to message. */
@Component
class MessageViews {

    static final int EXCERPT = 80;

    private final ObjectMapper json;
    private final MessageRepository messages;

    MessageViews(ObjectMapper json, MessageRepository messages) {
        this.json = json;
        this.messages = messages;
    }

    String write(MessageContent content) {
        try {
            return json.writerFor(MessageContent.class).writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Message content cannot be written as JSON", e);
        }
    }

    MessageContent read(String content) {
        try {
            return content == null ? null : json.readValue(content, MessageContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored message content is not valid", e);
        }
    }

    MessageView view(long tenantId, StoredMessage message) {
        return views(tenantId, message.conversationId(), List.of(message)).get(0);
    }

    /** Views of messages of one conversation, loading the messages they reply to in one query. */
    List<MessageView> views(long tenantId, String conversationId, List<StoredMessage> stored) {
        List<Long> replied = stored.stream().map(StoredMessage::replyToSeq).filter(Objects::nonNull).distinct().toList();
        Map<Long, StoredMessage> originals = messages.bySeq(tenantId, conversationId, replied);
        return stored.stream().map(m -> view(m, m.replyToSeq() == null ? null : originals.get(m.replyToSeq())))
                .toList();
    }

    /** A view without the quote of a replied-to message: enough for a conversation list's preview. */
    MessageView preview(StoredMessage message) {
        return view(message, null);
    }

    private MessageView view(StoredMessage m, StoredMessage original) {
        MessageContent content = read(m.content());
        MessageView.Quote quote = original == null ? null : new MessageView.Quote(original.id(), original.seq(),
                original.author().name(), original.state(),
                original.state() == MessageState.SENT ? excerpt(read(original.content())) : null);
        return new MessageView(m.id(), m.conversationId(), m.seq(), m.author(), m.state(), m.kind(), content,
                html(content), m.mentions(), m.mentionAll(), quote, m.clientMessageId(), m.sentAt());
    }

    static String html(MessageContent content) {
        return SafeHtml.of(content);
    }

    /** The first characters of what a message says, for quotes and previews. */
    static String excerpt(MessageContent content) {
        String text = null;
        if (content instanceof MessageContent.Text t) {
            text = t.text();
        } else if (content instanceof MessageContent.Markdown m) {
            text = m.title() == null || m.title().isBlank() ? m.text() : m.title();
        } else if (content instanceof MessageContent.Link l) {
            text = l.title();
        } else if (content instanceof MessageContent.ActionCard a) {
            text = a.title();
        } else if (content instanceof MessageContent.FeedCard f) {
            text = f.links() == null || f.links().isEmpty() ? "" : f.links().get(0).title();
        } else if (content instanceof MessageContent.SystemNotice s) {
            text = s.text();
        }
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.codePointCount(0, flat.length()) <= EXCERPT ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, EXCERPT - 1)) + "…";
    }
}
