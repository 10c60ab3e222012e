package hk.lantau.openplatform;

import java.time.Instant;

/**
 * One attempt to deliver: the receiver's HTTP status, or the error when there was no answer
 * (timeout, refused connection, refused address), and the start of the answer's body.
 */
public record DeliveryAttempt(int attempt, Instant attemptedAt, boolean succeeded, Integer status, String error,
                              int latencyMs, String responseBody) {
}
