package hk.lantau.directory;

import java.io.Reader;
import java.util.List;

/**
 * Adds people in bulk from CSV (D6). Every row is validated first; if any row is invalid nothing is
 * written. The header row names the columns, in any order:
 * {@code userId, name, email, mobile, title, jobNumber, hireDate, managerUserId, departmentIds,
 * workPlace, remark, contractEndDate, hkid, homeAddress, bankAccount, emergencyContact, medicalNotes,
 * roleKeys}. Only {@code name} is required. Lists ({@code departmentIds}, {@code roleKeys}) are
 * separated by {@code ;} and dates are ISO ({@code 2024-03-01}).
 */
public interface UserImport {

    int MAX_ROWS = 5_000;

    long MAX_BYTES = 1_048_576;

    ImportReport importCsv(long tenantId, Reader csv, boolean dryRun);

    /**
     * The outcome. {@code created} is what was (or, in a dry run, would be) added; when
     * {@code errors} is not empty nothing was written.
     */
    record ImportReport(boolean dryRun, int rows, int created, List<ImportRow> results, List<ImportError> errors) {

        public ImportReport {
            results = List.copyOf(results);
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** One data row by its line number in the file (the header is line 1). */
    record ImportRow(int row, String userId, boolean valid) {
    }

    /** What is wrong with one cell; {@code column} is {@code null} for the row as a whole. */
    record ImportError(int row, String column, String code, String message) {
    }
}
