package hk.lantau.forms.internal;

import hk.lantau.messaging.MessageContent;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The work notice that asks people to answer a round, and the one that reminds them, linking to
 * the form's page. In English and Traditional Chinese, as the recipient's language is not known here.
 */
@Component
class RoundNotice {

    private static final Locale CHINESE = Locale.forLanguageTag("zh-HK");

    private final MessageSource messages;
    private final String baseUrl;

    RoundNotice(MessageSource messages, @Value("${lantau.base-url}") String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    MessageContent opened(RoundRow round) {
        return card("notice.forms.round.title", "notice.forms.round.text", round);
    }

    MessageContent reminder(RoundRow round) {
        return card("notice.forms.reminder.title", "notice.forms.reminder.text", round);
    }

    private MessageContent card(String title, String text, RoundRow round) {
        return new MessageContent.ActionCard(both(title, " / ", round.title()),
                both(text, "\n\n", round.title(), round.date().toString()), both("notice.forms.open", " / "),
                baseUrl + "/forms/rounds/" + round.id(), List.of(), false);
    }

    private String both(String key, String separator, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH) + separator + messages.getMessage(key, args, CHINESE);
    }
}
