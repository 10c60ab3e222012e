package hk.lantau.messaging;

/** The stored message, and whether this call stored it ({@code false}: a repeated client message id). */
public record SentMessage(MessageView message, boolean created) {
}
