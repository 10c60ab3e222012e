package hk.lantau.web.notifications;

import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.NotificationView;

/** A notification with the name of its content's kind, which the template lays out by. */
public record NotificationItem(NotificationView n, String kind) {

    static NotificationItem of(NotificationView view) {
        MessageContent content = view.content();
        String kind = content instanceof MessageContent.Text ? "text"
                : content instanceof MessageContent.Markdown ? "markdown"
                : content instanceof MessageContent.Link ? "link"
                : content instanceof MessageContent.ActionCard ? "actionCard"
                : content instanceof MessageContent.SystemNotice ? "system" : "other";
        return new NotificationItem(view, kind);
    }
}
