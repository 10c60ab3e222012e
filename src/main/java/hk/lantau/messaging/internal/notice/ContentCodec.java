package hk.lantau.messaging.internal.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageContent;
import hk.lantau.shared.Tokens;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Content to and from its stored JSON, and the hash that finds the same content sent again. */
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

    /** The same content from the same sender hashes the same. */
    static String hash(MessageAuthor sender, String content) {
        return Tokens.sha256Hex(sender.kind() + "\n" + sender.id() + "\n" + content);
    }
}
