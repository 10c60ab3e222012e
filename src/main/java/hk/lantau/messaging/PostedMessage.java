package hk.lantau.messaging;

import java.time.Instant;

/**
 * A stored message: its id, and its place in the conversation ({@code seq} counts up from 1 in
 * each conversation; read positions are such numbers).
 */
public record PostedMessage(long id, String conversationId, long seq, Instant sentAt) {
}
