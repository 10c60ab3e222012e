package hk.lantau.messaging.internal.chat;

import hk.lantau.messaging.Mentions;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageContent;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * System notices in a conversation: who joined or left, renames, new owners. The text is written in
 * the language of the person whose action caused them; the key and arguments let every reader see
 * it in their own.
 */
@Component
class Notices {

    static final MessageAuthor LANTAU = new MessageAuthor(MessageAuthor.Kind.SYSTEM, "lantau", "Lantau");

    private final MessagePoster poster;
    private final MessageSource texts;

    Notices(MessagePoster poster, MessageSource texts) {
        this.poster = poster;
        this.texts = texts;
    }

    void post(long tenantId, String conversationId, String key, Object... args) {
        String text = texts.getMessage("messaging.notice." + key, args, LocaleContextHolder.getLocale());
        List<String> values = Arrays.stream(args).map(String::valueOf).toList();
        poster.post(tenantId, conversationId, LANTAU, new MessageContent.SystemNotice(text, key, values),
                Mentions.NONE, null, null);
    }
}
