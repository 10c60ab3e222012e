package hk.lantau.messaging;

import java.time.Instant;

/**
 * A work notification as its recipient sees it; {@code id} is the notification's (its task's) id.
 * {@code html} is the safe rendering of markdown and card text, as in chat (null for other kinds):
 * clients show it as is and never render {@code content}'s markdown themselves.
 */
public record NotificationView(long id, MessageAuthor sender, MessageContent content, String html, Instant sentAt,
                               Instant readAt) {
}
