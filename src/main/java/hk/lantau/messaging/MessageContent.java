package hk.lantau.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What a message says, in DingTalk's message kinds. On the wire a {@code kind} property tells
 * them apart: {@code {"kind":"text","text":"Hello"}}. Markdown and card text are stored as sent
 * and rendered from a safe subset when shown.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MessageContent.Text.class, name = "text"),
        @JsonSubTypes.Type(value = MessageContent.Markdown.class, name = "markdown"),
        @JsonSubTypes.Type(value = MessageContent.Link.class, name = "link"),
        @JsonSubTypes.Type(value = MessageContent.ActionCard.class, name = "actionCard"),
        @JsonSubTypes.Type(value = MessageContent.FeedCard.class, name = "feedCard"),
        @JsonSubTypes.Type(value = MessageContent.SystemNotice.class, name = "system")})
public sealed interface MessageContent {

    record Text(String text) implements MessageContent {
    }

    record Markdown(String title, String text) implements MessageContent {
    }

    record Link(String title, String text, String messageUrl, String picUrl) implements MessageContent {
    }

    /**
     * A card with either one button ({@code singleTitle}, {@code singleUrl}) or several
     * ({@code buttons}), laid out vertically or, with {@code horizontal}, side by side.
     */
    record ActionCard(String title, String text, String singleTitle, String singleUrl, List<Button> buttons,
                      boolean horizontal) implements MessageContent {
    }

    record Button(String title, String url) {
    }

    record FeedCard(List<FeedLink> links) implements MessageContent {
    }

    record FeedLink(String title, String messageUrl, String picUrl) {
    }

    /**
     * Written by Lantau itself: someone joined, the group was renamed, a message was removed.
     * {@code text} is written in the language of whoever caused it; readers in another language
     * render the message {@code messaging.notice.<key>} with {@code args} instead.
     */
    record SystemNotice(String text, String key, List<String> args) implements MessageContent {

        public SystemNotice {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public SystemNotice(String text) {
            this(text, null, List.of());
        }
    }
}
