package hk.lantau.attendance;

/**
 * An organisation's attendance settings. {@code noticeText} is its monitoring notice (purpose,
 * data kept, uses, retention), shown to people before their first clock-in; every change of the text
 * is a new {@code noticeVersion} people acknowledge again. Precise locations are kept
 * {@code retentionDays}; a shift that starts before a weather signal's end plus
 * {@code weatherReportHours} is exempt.
 */
public record AttendanceSettings(int noticeVersion, String noticeText, int retentionDays, int weatherReportHours) {
}
