package hk.lantau.attendance;

import java.time.LocalDate;

/** What to export: work dates from {@code from} to {@code to} (both included), the file type and encoding. */
public record ExportRequest(LocalDate from, LocalDate to, ExportFormat format, ExportEncoding encoding) {
}
