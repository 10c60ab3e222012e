package hk.lantau.attendance;

/** A finished export: its file name, content type (with charset for CSV) and bytes. */
public record ExportFile(String fileName, String contentType, byte[] content) {
}
