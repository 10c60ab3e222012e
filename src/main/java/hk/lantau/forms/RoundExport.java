package hk.lantau.forms;

/** A round's answers as a file: CSV (UTF-8, with a byte order mark for spreadsheet programs when asked) or XLSX. */
public record RoundExport(String fileName, String contentType, byte[] content) {
}
