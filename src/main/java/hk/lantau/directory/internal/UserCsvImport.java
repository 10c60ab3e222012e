package hk.lantau.directory.internal;

import hk.lantau.directory.NewUser;
import hk.lantau.directory.UserImport;
import hk.lantau.directory.UsersImported;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bulk import: all rows are checked before any is written, and one bad row stops the whole file. */
@Service
class UserCsvImport implements UserImport {

    static final List<String> COLUMNS = List.of("userId", "name", "email", "mobile", "title", "jobNumber", "hireDate",
            "managerUserId", "departmentIds", "workPlace", "remark", "contractEndDate", "hkid", "homeAddress",
            "bankAccount", "emergencyContact", "medicalNotes", "roleKeys");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private final UserCreation creation;
    private final ApplicationEventPublisher events;

    UserCsvImport(UserCreation creation, ApplicationEventPublisher events) {
        this.creation = creation;
        this.events = events;
    }

    @Override
    @Transactional
    public ImportReport importCsv(long tenantId, Reader csv, boolean dryRun) {
        List<CsvRow> rows = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        read(csv, rows, errors);
        if (!errors.isEmpty()) {
            return new ImportReport(dryRun, rows.size(), 0, List.of(), errors);
        }
        if (rows.isEmpty()) {
            throw LantauException.invalid("directory.import_empty", "The file has a header row but no people.");
        }
        Batch batch = new Batch();
        rows.stream().map(row -> row.user().userId()).filter(id -> id != null && !id.isBlank())
                .forEach(id -> batch.userIds.add(id.strip()));
        List<PreparedUser> prepared = new ArrayList<>();
        List<ImportRow> results = new ArrayList<>();
        for (CsvRow row : rows) {
            PreparedUser user = creation.prepare(tenantId, row.user(), batch);
            List<ImportError> rowErrors = new ArrayList<>(row.errors());
            user.violations().forEach(v -> rowErrors.add(new ImportError(row.line(), column(v), v.code(), v.message())));
            errors.addAll(rowErrors);
            results.add(new ImportRow(row.line(), user.user().userId, rowErrors.isEmpty()));
            prepared.add(user);
        }
        if (!errors.isEmpty()) {
            return new ImportReport(dryRun, rows.size(), 0, results, errors);
        }
        creation.checkSeats(tenantId, prepared.size());
        if (!dryRun) {
            prepared.forEach(creation::store);
            events.publishEvent(new UsersImported(tenantId, prepared.stream().map(p -> p.user().userId).toList()));
        }
        return new ImportReport(dryRun, rows.size(), prepared.size(), results, List.of());
    }

    private static void read(Reader csv, List<CsvRow> rows, List<ImportError> errors) {
        try (CSVParser parser = FORMAT.parse(csv)) {
            List<String> header = parser.getHeaderNames();
            for (String name : header) {
                if (!COLUMNS.contains(name)) {
                    errors.add(new ImportError(1, name, "directory.import_unknown_column",
                            "Unknown column; the columns are " + String.join(", ", COLUMNS) + "."));
                }
            }
            if (!header.contains("name")) {
                errors.add(new ImportError(1, "name", "directory.import_missing_column",
                        "The header row needs a name column."));
            }
            if (!errors.isEmpty()) {
                return;
            }
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new LantauException(HttpStatus.PAYLOAD_TOO_LARGE, "directory.import_too_large",
                            "An import takes at most " + MAX_ROWS + " people; split the file.");
                }
                rows.add(CsvRow.of(record));
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | IOException e) {
            // Malformed CSV (bad quoting, duplicate or missing header); the parser's message may quote data.
            errors.add(new ImportError(rows.size() + 2, null, "directory.import_malformed",
                    "The file is not valid CSV with one header row (UTF-8, comma-separated)."));
        }
    }

    /** The CSV column of a violation: {@code departmentIds[2]} belongs to {@code departmentIds}. */
    private static String column(FieldViolation violation) {
        String field = violation.field();
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    /** One data row read into a {@link NewUser}, with the cells that could not even be parsed. */
    record CsvRow(int line, NewUser user, List<ImportError> errors) {

        static CsvRow of(CSVRecord record) {
            int line = (int) record.getRecordNumber() + 1;
            Map<String, String> cells = record.toMap();
            List<ImportError> errors = new ArrayList<>();
            CsvCells cell = new CsvCells(line, cells, errors);
            NewUser user = new NewUser(cell.text("userId"), cell.text("name"), cell.text("mobile"), cell.text("email"),
                    cell.text("title"), cell.text("jobNumber"), cell.date("hireDate"), cell.text("managerUserId"),
                    cell.ids("departmentIds"), cell.text("workPlace"), cell.text("remark"),
                    cell.date("contractEndDate"), cell.text("hkid"), cell.text("homeAddress"),
                    cell.text("bankAccount"), cell.text("emergencyContact"), cell.text("medicalNotes"),
                    cell.list("roleKeys"));
            return new CsvRow(line, user, errors);
        }
    }

    static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
