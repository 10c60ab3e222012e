package hk.lantau.messaging.internal.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.NotificationView;
import hk.lantau.messaging.internal.content.SafeHtml;
import hk.lantau.shared.Tokens;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Content to and from its stored JSON, how recipients see it, and the hash that finds the same content again. */
@Component
class ContentCodec {

    private final ObjectMapper json;

    ContentCodec(ObjectMapper json) {
        this.json = json;
    }

    String write(MessageContent content) {
        try {
            return json.writerFor(MessageContent.class).writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    MessageContent read(String stored) {
        try {
            return json.readValue(stored, MessageContent.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A notification as its recipient sees it, with the safe rendering of its markdown. */
    static NotificationView view(long id, MessageAuthor sender, MessageContent content, Instant sentAt,
                                 Instant readAt) {
        return new NotificationView(id, sender, content, SafeHtml.of(content), sentAt, readAt);
    }

    /** The same content from the same sender hashes the same. */
    static String hash(MessageAuthor sender, String content) {
        return Tokens.sha256Hex(sender.kind() + "\n" + sender.id() + "\n" + content);
    }
}
