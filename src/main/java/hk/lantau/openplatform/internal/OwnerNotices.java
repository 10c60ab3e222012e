package hk.lantau.openplatform.internal;

import hk.lantau.directory.Audiences;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.SystemNotices;
import hk.lantau.openplatform.AppView;
import hk.lantau.shared.Permission;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells an app's owner what happened to their app, through Lantau's own notices; when the owner
 * is no longer an active person, the organisation's people holding {@code apps.manage} instead.
 * The notice is in English and Traditional Chinese, as it goes to people whose language is not
 * known here. Public for the module's sub-packages.
 */
@Component
public class OwnerNotices {

    private static final Logger log = LoggerFactory.getLogger(OwnerNotices.class);
    private static final Locale CHINESE = Locale.forLanguageTag("zh-HK");

    private final Directory directory;
    private final Audiences audiences;
    private final SystemNotices notices;
    private final MessageSource messages;

    OwnerNotices(Directory directory, Audiences audiences, SystemNotices notices, MessageSource messages) {
        this.directory = directory;
        this.audiences = audiences;
        this.notices = notices;
        this.messages = messages;
    }

    /**
     * Sends the notice {@code notice.openplatform.<key>} with its arguments; joins the caller's
     * transaction. Returns the userids it reached.
     */
    public List<String> tell(AppView app, String key, Object... args) {
        List<String> to = directory.findUser(app.tenantId(), app.ownerUserId()).filter(DirectoryUser::active)
                .map(owner -> List.of(owner.userId()))
                .orElseGet(() -> audiences.activeHolders(app.tenantId(), Permission.APPS_MANAGE));
        String prefix = "notice.openplatform." + key;
        String title = text(prefix + ".title", Locale.ENGLISH, args) + " / " + text(prefix + ".title", CHINESE, args);
        String body = text(prefix + ".text", Locale.ENGLISH, args) + "\n\n" + text(prefix + ".text", CHINESE, args);
        List<String> reached = to.isEmpty() ? List.of()
                : notices.notify(app.tenantId(), to, new MessageContent.Markdown(title, body));
        if (reached.isEmpty()) {
            log.warn("Nobody to tell about app {} of organisation {} ({}): its owner {} is not active and nobody "
                    + "else holds apps.manage", app.id(), app.tenantId(), key, app.ownerUserId());
        }
        return reached;
    }

    private String text(String key, Locale locale, Object[] args) {
        return messages.getMessage(key, args, locale);
    }
}
