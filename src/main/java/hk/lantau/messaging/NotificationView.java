package hk.lantau.messaging;

import java.time.Instant;

/** A work notification as its recipient sees it; {@code id} is the notification's (its task's) id. */
public record NotificationView(long id, MessageAuthor sender, MessageContent content, Instant sentAt,
                               Instant readAt) {
}
