package hk.lantau.messaging.internal.ding;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of DING e-mails and SMS, in English and Traditional Chinese together: the job does not
 * know which language each person reads.
 */
@Component
class DingTexts {

    private static final Locale CHINESE = Locale.forLanguageTag("zh-HK");
    private static final int SMS_TEXT = 200;

    private final MessageSource messages;
    private final String baseUrl;

    DingTexts(MessageSource messages, @Value("${lantau.base-url}") String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    String mailSubject(String sender, int step) {
        return both(step == 0 ? "ding.mail.subject" : "ding.mail.subject_reminder", " / ", sender, step);
    }

    String mailBody(String sender, String text, int step) {
        return both(step == 0 ? "ding.mail.body" : "ding.mail.body_reminder", "\n\n---\n\n", sender, text, baseUrl,
                step);
    }

    String sms(String sender, String text) {
        String shortened = text.length() <= SMS_TEXT ? text : text.substring(0, SMS_TEXT - 1) + "…";
        return both("ding.sms.text", " / ", sender, shortened);
    }

    private String both(String key, String separator, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH) + separator
                + messages.getMessage(key, arguments, CHINESE);
    }
}
