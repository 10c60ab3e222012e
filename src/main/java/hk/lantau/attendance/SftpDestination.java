package hk.lantau.attendance;

import java.time.Instant;

/** A payroll SFTP destination as shown: {@code authentication} is PASSWORD or PRIVATE_KEY; secrets are never shown. */
public record SftpDestination(long id, String name, String host, int port, String username, String authentication,
                              String hostKeyFingerprint, String remoteFolder, String fileNamePattern,
                              ExportFormat format, ExportEncoding encoding, String schedule, Integer dayOfMonth,
                              String time, int maxRetries, int retryMinutes, boolean enabled, Instant nextRunAt,
                              int failedAttempts, Instant createdAt, Instant updatedAt) {
}
