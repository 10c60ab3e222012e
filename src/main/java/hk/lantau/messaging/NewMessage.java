package hk.lantau.messaging;

/**
 * A message a person sends. {@code replyTo} is the id of a message of the same conversation;
 * {@code clientMessageId} makes a retried send return the first message instead of a second one.
 */
public record NewMessage(MessageContent content, Mentions mentions, Long replyTo, String clientMessageId) {
}
