package hk.lantau.messaging;

import java.time.Instant;

/**
 * One person in a notification's results. {@code forbiddenCode} says which limit skipped them
 * (DingTalk's codes: 143105 daily limit per person, 143106 the same content again that day).
 */
public record NotificationRecipient(String userId, RecipientState state, Instant readAt, Integer forbiddenCode) {
}
