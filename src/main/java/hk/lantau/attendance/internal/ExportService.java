package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendanceExports;
import hk.lantau.attendance.ExportColumn;
import hk.lantau.attendance.ExportEncoding;
import hk.lantau.attendance.ExportFile;
import hk.lantau.attendance.ExportFormat;
import hk.lantau.attendance.ExportProfile;
import hk.lantau.attendance.ExportRequest;
import hk.lantau.attendance.PayrollCode;
import hk.lantau.directory.Audiences;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ExportService implements AttendanceExports {

    private static final int MAX_COLUMNS = 40;
    private static final int MAX_IMPORT_ROWS = 50_000;

    private final ExportBuilder builder;
    private final ExportProfileRepository profiles;
    private final PayrollCodeRepository codes;
    private final Audiences audiences;
    private final Audit audit;
    private final Clock clock;

    ExportService(ExportBuilder builder, ExportProfileRepository profiles, PayrollCodeRepository codes,
                  Audiences audiences, Audit audit, Clock clock) {
        this.builder = builder;
        this.profiles = profiles;
        this.codes = codes;
        this.audiences = audiences;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ExportFile export(long tenantId, ExportRequest request) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        ExportFormat format = request.format() == null ? ExportFormat.CSV : request.format();
        ExportEncoding encoding = request.encoding() == null ? ExportEncoding.UTF_8 : request.encoding();
        ExportFile file = builder.build(tenantId, request.from(), request.to(), format, encoding);
        audit.record(tenantId, "attendance.export.downloaded", "export", file.fileName(),
                Map.of("from", request.from().toString(), "to", request.to().toString(), "format", format.name(),
                        "encoding", encoding.name()));
        return file;
    }

    @Override
    @Transactional(readOnly = true)
    public ExportProfile profile(long tenantId) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return profiles.find(tenantId);
    }

    @Override
    @Transactional
    public ExportProfile changeProfile(long tenantId, ExportProfile change) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        List<FieldViolation> problems = new ArrayList<>();
        List<ExportColumn> columns = change.columns() == null ? List.of() : change.columns();
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            problems.add(new FieldViolation("columns", "attendance.export_columns_invalid",
                    "Choose 1 to " + MAX_COLUMNS + " columns."));
        }
        Set<String> seen = new HashSet<>();
        List<ExportColumn> cleaned = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ExportColumn c = columns.get(i);
            String key = c == null ? null : c.key();
            if (key == null || !ExportCatalogue.known(key) || !seen.add(key)) {
                problems.add(new FieldViolation("columns[" + i + "].key", "attendance.export_columns_invalid",
                        "Choose each column once, from the catalogue."));
                continue;
            }
            String label = c.label() == null || c.label().isBlank() ? key : c.label().strip();
            if (label.length() > 100) {
                problems.add(new FieldViolation("columns[" + i + "].label", "attendance.export_columns_invalid",
                        "A label has at most 100 characters."));
            }
            cleaned.add(new ExportColumn(key, label));
        }
        String date = pattern(change.dateFormat(), ExportProfileRepository.DEFAULT_DATE, "dateFormat", problems);
        String dateTime = pattern(change.dateTimeFormat(), ExportProfileRepository.DEFAULT_DATE_TIME, "dateTimeFormat",
                problems);
        if (!problems.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "attendance.export_profile_invalid",
                    "The export profile is not valid.", problems);
        }
        ExportProfile profile = new ExportProfile(cleaned, date, dateTime, ExportCatalogue.keys());
        profiles.save(tenantId, profile, clock.instant());
        audit.record(tenantId, "attendance.export_profile.changed", "export_profile", tenantId,
                Map.of("columns", cleaned.stream().map(ExportColumn::key).toList()));
        return profile;
    }

    private static String pattern(String value, String fallback, String field, List<FieldViolation> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            if (value.length() > 40) {
                throw new IllegalArgumentException("too long");
            }
            DateTimeFormatter.ofPattern(value);
            return value;
        } catch (IllegalArgumentException e) {
            problems.add(new FieldViolation(field, "attendance.export_profile_invalid",
                    "A java.time pattern of at most 40 characters, such as dd/MM/yyyy."));
            return fallback;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<PayrollCode> payrollCodes(long tenantId) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        return codes.list(tenantId);
    }

    @Override
    @Transactional
    public PayrollCode setPayrollCode(long tenantId, String userId, String payrollCode) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        requirePerson(tenantId, userId);
        String code = validCode(payrollCode);
        if (code == null) {
            throw LantauException.invalidField("payrollCode", "attendance.payroll_code_invalid",
                    "A payroll code has 1 to 64 characters without control characters.");
        }
        codes.holder(tenantId, code).filter(holder -> !holder.equals(userId)).ifPresent(holder -> {
            throw LantauException.conflictField("payrollCode", "attendance.payroll_code_taken",
                    "Another person has this payroll code.");
        });
        codes.set(tenantId, userId, code, clock.instant());
        audit.record(tenantId, "attendance.payroll_code.set", "user", userId, Map.of());
        return new PayrollCode(userId, code);
    }

    @Override
    @Transactional
    public void deletePayrollCode(long tenantId, String userId) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        if (codes.delete(tenantId, List.of(userId)) == 0) {
            throw LantauException.notFound("attendance.payroll_code_not_found", "This person has no payroll code.");
        }
        audit.record(tenantId, "attendance.payroll_code.deleted", "user", userId, Map.of());
    }

    @Override
    @Transactional
    public int importPayrollCodes(long tenantId, String csv) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        Map<String, String> byUser = new LinkedHashMap<>();
        Map<String, Long> lineOfUser = new HashMap<>();
        List<FieldViolation> problems = new ArrayList<>();
        List<CSVRecord> records = parse(csv);
        Map<String, String> byCode = new HashMap<>();
        for (CSVRecord r : records) {
            String line = "line " + (r.getRecordNumber() + 1);
            String userId = r.isMapped("userId") && r.isSet("userId") ? r.get("userId").strip() : "";
            String code = validCode(r.isMapped("payrollCode") && r.isSet("payrollCode") ? r.get("payrollCode") : null);
            if (userId.isEmpty() || code == null) {
                problems.add(new FieldViolation(line, "attendance.payroll_import_invalid",
                        "Each line needs a userId and a payroll code of 1 to 64 characters."));
            } else if (byUser.containsKey(userId) || byCode.containsKey(code)) {
                problems.add(new FieldViolation(line, "attendance.payroll_import_invalid",
                        "A person or a payroll code appears twice in the file."));
            } else {
                byUser.put(userId, code);
                byCode.put(code, userId);
                lineOfUser.put(userId, r.getRecordNumber() + 1);
            }
        }
        var known = audiences.statuses(tenantId, byUser.keySet()).keySet();
        byUser.keySet().stream().filter(u -> !known.contains(u)).forEach(u -> problems.add(new FieldViolation(
                "line " + lineOfUser.get(u), "attendance.payroll_import_invalid", "No such person: " + u)));
        codes.all(tenantId).forEach((holder, code) -> {
            String claimant = byCode.get(code);
            if (claimant != null && !claimant.equals(holder) && !byUser.containsKey(holder)) {
                problems.add(new FieldViolation("line " + lineOfUser.get(claimant), "attendance.payroll_import_invalid",
                        "Another person has the payroll code " + code + "."));
            }
        });
        if (!problems.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "attendance.payroll_import_invalid",
                    "The file was not imported; fix the lines listed.", problems.subList(0, Math.min(100, problems.size())));
        }
        var now = clock.instant();
        codes.delete(tenantId, byUser.keySet());
        byUser.forEach((userId, code) -> codes.set(tenantId, userId, code, now));
        audit.record(tenantId, "attendance.payroll_code.imported", "payroll_codes", tenantId,
                Map.of("count", byUser.size()));
        return byUser.size();
    }

    private static List<CSVRecord> parse(String csv) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            if (!parser.getHeaderMap().containsKey("userId") || !parser.getHeaderMap().containsKey("payrollCode")) {
                throw LantauException.invalid("attendance.payroll_import_invalid",
                        "The first line must name the columns userId and payrollCode.");
            }
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty() || records.size() > MAX_IMPORT_ROWS) {
                throw LantauException.invalid("attendance.payroll_import_invalid",
                        "The file needs 1 to " + MAX_IMPORT_ROWS + " lines of codes.");
            }
            return records;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw LantauException.invalid("attendance.payroll_import_invalid", "The file is not readable CSV.");
        }
    }

    private static String validCode(String code) {
        if (code == null) {
            return null;
        }
        String stripped = code.strip();
        boolean control = stripped.chars().anyMatch(Character::isISOControl);
        return stripped.isEmpty() || stripped.length() > 64 || control ? null : stripped;
    }

    private void requirePerson(long tenantId, String userId) {
        if (userId == null || audiences.statuses(tenantId, List.of(userId)).isEmpty()) {
            throw LantauException.notFound("attendance.user_not_found", "No such person.");
        }
    }
}
