package hk.lantau.attendance;

/** One column of the export profile: a key from the catalogue and its header label. */
public record ExportColumn(String key, String label) {
}
