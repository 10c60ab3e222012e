package hk.lantau.attendance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One attempt to push an export: {@code trigger} SCHEDULED or MANUAL, {@code outcome} DELIVERED or
 * FAILED, and for a failure a stable {@code errorCode} (host_unreachable, auth_failed,
 * host_key_mismatch, remote_error, export_failed) with a message; {@code nextAttemptAt} when a retry
 * is planned.
 */
public record SftpDelivery(long id, long destinationId, Instant attemptedAt, String trigger, LocalDate periodFrom,
                           LocalDate periodTo, int attempt, String outcome, String fileName, Long bytes,
                           String errorCode, String error, Instant nextAttemptAt) {
}
