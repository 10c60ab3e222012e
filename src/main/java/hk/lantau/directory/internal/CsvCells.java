package hk.lantau.directory.internal;

import hk.lantau.directory.UserImport.ImportError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads typed values from one CSV row, noting cells that cannot be parsed. Blank cells are absent. */
final class CsvCells {

    private final int line;
    private final Map<String, String> cells;
    private final List<ImportError> errors;

    CsvCells(int line, Map<String, String> cells, List<ImportError> errors) {
        this.line = line;
        this.cells = cells;
        this.errors = errors;
    }

    String text(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    LocalDate date(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new ImportError(line, column, "directory.date_invalid", "Write dates as YYYY-MM-DD."));
            return null;
        }
    }

    List<Long> ids(String column) {
        List<Long> ids = new ArrayList<>();
        for (String part : UserCsvImport.split(text(column))) {
            try {
                ids.add(Long.valueOf(part));
            } catch (NumberFormatException e) {
                errors.add(new ImportError(line, column, "directory.department_unknown",
                        "Department ids are numbers separated by ;."));
            }
        }
        return ids;
    }

    List<String> list(String column) {
        return UserCsvImport.split(text(column));
    }
}
