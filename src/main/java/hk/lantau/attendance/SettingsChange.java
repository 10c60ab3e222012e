package hk.lantau.attendance;

/** A partial change of the attendance settings; {@code null} leaves a value as it is. */
public record SettingsChange(String noticeText, Integer retentionDays, Integer weatherReportHours) {
}
