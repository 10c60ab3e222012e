package hk.lantau.web.attendance;

import hk.lantau.attendance.ExportEncoding;
import hk.lantau.attendance.ExportFormat;
import hk.lantau.attendance.SftpDestination;
import hk.lantau.attendance.SftpDestinationDefinition;
import hk.lantau.shared.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * An SFTP destination as the form posts it. The password and private key are only ever sent to
 * the module: a form drawn again, after a refusal or for a saved destination, leaves them empty,
 * and empty keeps the stored one.
 */
record SftpForm(String name, String host, String port, String username, String password, String privateKey,
                String hostKeyFingerprint, String remoteFolder, String fileNamePattern, ExportFormat format,
                ExportEncoding encoding, String schedule, String dayOfMonth, String time, String maxRetries,
                String retryMinutes, Boolean enabled) {

    private static final String CODE = "attendance.sftp_destination_invalid";

    static SftpForm empty() {
        return new SftpForm("", "", "22", "", "", "", "", ".", "attendance-{period}.{ext}", ExportFormat.CSV,
                ExportEncoding.UTF_8, "MONTHLY", "1", "06:00", "3", "15", true);
    }

    static SftpForm of(SftpDestination d) {
        return new SftpForm(d.name(), d.host(), String.valueOf(d.port()), d.username(), "", "",
                d.hostKeyFingerprint(), d.remoteFolder(), d.fileNamePattern(), d.format(), d.encoding(), d.schedule(),
                d.dayOfMonth() == null ? "" : String.valueOf(d.dayOfMonth()), d.time(), String.valueOf(d.maxRetries()),
                String.valueOf(d.retryMinutes()), d.enabled());
    }

    public boolean on() {
        return Boolean.TRUE.equals(enabled);
    }

    /** The same values without the secrets, to draw the form again. */
    SftpForm withoutSecrets() {
        return new SftpForm(name, host, port, username, "", "", hostKeyFingerprint, remoteFolder, fileNamePattern,
                format, encoding, schedule, dayOfMonth, time, maxRetries, retryMinutes, enabled);
    }

    SftpDestinationDefinition toDefinition() {
        List<FieldViolation> bad = new ArrayList<>();
        Integer portNumber = AdminAccess.integer(port, "port", CODE, bad);
        Integer day = AdminAccess.integer(dayOfMonth, "dayOfMonth", CODE, bad);
        Integer retries = AdminAccess.integer(maxRetries, "maxRetries", CODE, bad);
        Integer minutes = AdminAccess.integer(retryMinutes, "retryMinutes", CODE, bad);
        AdminAccess.check(CODE, bad);
        return new SftpDestinationDefinition(name, host, portNumber, username, AdminAccess.blankToNull(password),
                AdminAccess.blankToNull(privateKey), hostKeyFingerprint, remoteFolder, fileNamePattern, format, encoding,
                schedule, day, AdminAccess.blankToNull(time), retries, minutes, Boolean.TRUE.equals(enabled));
    }
}
