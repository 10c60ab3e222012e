package hk.lantau.messaging;

/** Where one person stands with a notification, as the sender's result lists group them. */
public enum RecipientState {
    READ, UNREAD, INVALID, FORBIDDEN
}
