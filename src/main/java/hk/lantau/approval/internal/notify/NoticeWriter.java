package hk.lantau.approval.internal.notify;

import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.SystemNotices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes one approval notice as a {@link MessageContent.SystemNotice}: the key
 * {@code approval.<key>} with its arguments, so each reader's page shows it in their language
 * (message {@code messaging.notice.approval.<key>}), and the text in English and Traditional
 * Chinese for API clients. The arguments are always the title, the originator's name, the link to
 * the approval, then the names of the other people the notice speaks of.
 */
@Component
class NoticeWriter {

    private static final Locale CHINESE = Locale.forLanguageTag("zh-HK");

    private final SystemNotices notices;
    private final Directory directory;
    private final MessageSource messages;
    private final String baseUrl;

    NoticeWriter(SystemNotices notices, Directory directory, MessageSource messages,
                 @Value("${lantau.base-url}") String baseUrl) {
        this.notices = notices;
        this.directory = directory;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Tells one person, if they are active; {@code people} are userids named in the text. */
    void tell(long tenantId, String userId, String key, String instanceId, String title, String originatorUserId,
              String... people) {
        if (userId == null) {
            return;
        }
        List<String> args = new ArrayList<>();
        args.add(title);
        args.add(name(tenantId, originatorUserId));
        args.add(link(instanceId));
        for (String person : people) {
            args.add(name(tenantId, person));
        }
        String messageKey = "messaging.notice.approval." + key;
        Object[] values = args.toArray();
        String text = messages.getMessage(messageKey, values, Locale.ENGLISH) + "\n"
                + messages.getMessage(messageKey, values, CHINESE);
        notices.notify(tenantId, List.of(userId), new MessageContent.SystemNotice(text, "approval." + key, args));
    }

    String link(String instanceId) {
        return baseUrl + "/approvals/" + instanceId;
    }

    private String name(long tenantId, String userId) {
        if (userId == null) {
            return "";
        }
        return directory.findUser(tenantId, userId).map(DirectoryUser::name).orElse(userId);
    }
}
