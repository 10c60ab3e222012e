package hk.lantau.attendance;

/**
 * What an admin sets for a payroll SFTP destination. Give {@code password} or {@code privateKey}
 * (PEM or OpenSSH format); on a change, leaving both empty keeps the stored one. Both are sealed
 * and never returned. {@code hostKeyFingerprint} pins the server's key as {@code ssh-keygen -lf}
 * prints it ({@code SHA256:} and unpadded Base64). {@code fileNamePattern} may hold {@code {period}},
 * {@code {month}}, {@code {from}}, {@code {to}} and {@code {ext}}. {@code schedule} is {@code DAILY}
 * (the day before is sent) or {@code MONTHLY} on {@code dayOfMonth} 1 to 28 (the month before is
 * sent), at {@code time} ({@code HH:mm}) in the organisation's zone. A failed push is tried again
 * up to {@code maxRetries} times, after {@code retryMinutes}, then twice as long each time.
 */
public record SftpDestinationDefinition(String name, String host, Integer port, String username, String password,
                                        String privateKey, String hostKeyFingerprint, String remoteFolder,
                                        String fileNamePattern, ExportFormat format, ExportEncoding encoding,
                                        String schedule, Integer dayOfMonth, String time, Integer maxRetries,
                                        Integer retryMinutes, Boolean enabled) {
}
