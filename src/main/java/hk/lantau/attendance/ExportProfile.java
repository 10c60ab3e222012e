package hk.lantau.attendance;

import java.util.List;

/**
 * An organisation's payroll export layout: ordered columns and the patterns dates and date-times are
 * written with (java.time patterns, date-times in the organisation's zone). {@code catalogue} lists
 * every column key that may be chosen, when read.
 */
public record ExportProfile(List<ExportColumn> columns, String dateFormat, String dateTimeFormat,
                            List<String> catalogue) {

    public ExportProfile {
        columns = columns == null ? null : List.copyOf(columns);
        catalogue = catalogue == null ? List.of() : List.copyOf(catalogue);
    }
}
