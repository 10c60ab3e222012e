package hk.lantau.messaging;

import java.time.Instant;

/** One event as a person's stream holds it; {@code payload} is the JSON given to {@link UserEvents#append}. */
public record StreamedEvent(long seq, long eventId, String type, Instant at, String payload) {
}
