package hk.lantau.approval.internal.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.messaging.MessageContent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The digest card one approver receives: their pending approvals, oldest first, each linking to
 * the approval, and a button to their task list. Written in English and Traditional Chinese, as
 * it goes to people whose language is not known here. A notice is at most 2,048 bytes of JSON
 * (DingTalk's limit), so the card lists as many as fit and counts the rest.
 */
@Component
class DigestNotice {

    /** Tasks read for one card; fewer are listed when their titles are long. */
    static final int LISTED = 20;
    /** Below messaging's 2,048 bytes, leaving room for the JSON the notice is stored in. */
    private static final int MAX_BYTES = 1_900;
    private static final int MAX_TITLE = 60;
    private static final Locale CHINESE = Locale.forLanguageTag("zh-HK");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ObjectMapper json;
    private final String baseUrl;

    DigestNotice(MessageSource messages, ObjectMapper json, @Value("${lantau.base-url}") String baseUrl) {
        this.messages = messages;
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    MessageContent card(int pending, List<PendingTasks.Pending> tasks, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        MessageContent card = card(pending, lines);
        for (PendingTasks.Pending task : tasks) {
            lines.add("- [" + escape(shorten(task.title())) + "](" + baseUrl + "/approvals/" + task.instanceId()
                    + ") · " + WHEN.format(task.since().atZone(zone)));
            MessageContent longer = card(pending, lines);
            if (bytes(longer) > MAX_BYTES) {
                lines.remove(lines.size() - 1);
                break;
            }
            card = longer;
        }
        return card;
    }

    private MessageContent card(int pending, List<String> lines) {
        StringBuilder text = new StringBuilder(both("notice.approval.digest.text", "\n\n", pending)).append("\n\n");
        lines.forEach(line -> text.append(line).append('\n'));
        if (pending > lines.size()) {
            text.append('\n').append(both("notice.approval.digest.more", " / ", pending - lines.size()));
        }
        return new MessageContent.ActionCard(both("notice.approval.digest.title", " / ", pending),
                text.toString().strip(), both("notice.approval.digest.open", " / "), baseUrl + "/approvals/tasks",
                List.of(), false);
    }

    private int bytes(MessageContent content) {
        try {
            return json.writeValueAsBytes(content).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String both(String key, String separator, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH) + separator + messages.getMessage(key, args, CHINESE);
    }

    private static String shorten(String title) {
        return title.codePointCount(0, title.length()) <= MAX_TITLE ? title
                : title.substring(0, title.offsetByCodePoints(0, MAX_TITLE - 1)) + "…";
    }

    /** Titles are people's text: keep them from closing the link or starting markup. */
    private static String escape(String title) {
        return title.replaceAll("([\\\\\\[\\]()*_`#<>])", "\\\\$1");
    }
}
