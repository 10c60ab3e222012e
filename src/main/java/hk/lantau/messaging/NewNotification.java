package hk.lantau.messaging;

/** A work notification to send: text, markdown, link or action card, to an audience. */
public record NewNotification(MessageContent content, Audience audience) {
}
