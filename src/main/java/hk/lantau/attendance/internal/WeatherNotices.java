package hk.lantau.attendance.internal;

import hk.lantau.attendance.WeatherSignal;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.SystemNotices;
import hk.lantau.tenant.Organisations;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the people of the organisation's attendance groups that a weather signal was recorded and
 * their shifts it covers are exempt, through Lantau's own notices in the recording transaction. The
 * notice is in English and Traditional Chinese, as people's languages are not known here.
 */
@Component
class WeatherNotices {

    private static final Locale CHINESE = Locale.forLanguageTag("zh-HK");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Members members;
    private final SystemNotices notices;
    private final Organisations organisations;
    private final MessageSource messages;

    WeatherNotices(Members members, SystemNotices notices, Organisations organisations, MessageSource messages) {
        this.members = members;
        this.notices = notices;
        this.organisations = organisations;
        this.messages = messages;
    }

    List<String> tell(long tenantId, WeatherSignal signal) {
        List<String> to = List.copyOf(members.activeMembers(tenantId).keySet());
        if (to.isEmpty()) {
            return List.of();
        }
        ZoneId zone = organisations.get(tenantId).timeZone();
        String start = WHEN.format(signal.startsAt().atZone(zone));
        String title = text("title", Locale.ENGLISH, signal, start) + " / " + text("title", CHINESE, signal, start);
        String body = text("text", Locale.ENGLISH, signal, start) + "\n\n" + text("text", CHINESE, signal, start);
        return notices.notify(tenantId, to, new MessageContent.Markdown(title, body));
    }

    private String text(String part, Locale locale, WeatherSignal signal, String start) {
        String type = messages.getMessage("attendance.signal." + signal.type().name(), null, locale);
        return messages.getMessage("notice.attendance.weather." + part, new Object[] {type, start}, locale);
    }
}
