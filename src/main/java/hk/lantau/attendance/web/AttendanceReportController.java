package hk.lantau.attendance.web;

import hk.lantau.attendance.AttendanceExports;
import hk.lantau.attendance.AttendanceReports;
import hk.lantau.attendance.DepartmentReport;
import hk.lantau.attendance.ExportEncoding;
import hk.lantau.attendance.ExportFile;
import hk.lantau.attendance.ExportFormat;
import hk.lantau.attendance.ExportProfile;
import hk.lantau.attendance.ExportRequest;
import hk.lantau.attendance.PayrollCode;
import hk.lantau.attendance.PeopleReport;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/attendance")
@Tag(name = "Attendance reports and payroll export", description = "Daily and monthly figures per person and "
        + "department, the payroll export as CSV or XLSX, its profile and the payroll codes.")
class AttendanceReportController {

    private final AttendanceReports reports;
    private final AttendanceExports exports;

    AttendanceReportController(AttendanceReports reports, AttendanceExports exports) {
        this.reports = reports;
        this.exports = exports;
    }

    @GetMapping("/reports/people")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "Figures per person for a date, a month (yyyy-MM) or a range of up to 31 days")
    @ApiResponse(responseCode = "400", description = "attendance.report_period_invalid")
    PeopleReport people(@RequestParam(required = false) String month,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate[] period = period(month, date, from, to);
        return reports.people(tenant(), period[0], period[1]);
    }

    @GetMapping("/reports/departments")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "Figures per department for a date, a month or a range; includeSubDepartments rolls "
            + "the people of lower departments up (default false: direct members only)")
    @ApiResponse(responseCode = "400", description = "attendance.report_period_invalid")
    DepartmentReport departments(@RequestParam(required = false) String month,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(defaultValue = "false") boolean includeSubDepartments) {
        LocalDate[] period = period(month, date, from, to);
        return reports.departments(tenant(), period[0], period[1], includeSubDepartments);
    }

    @PostMapping("/exports")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "The payroll export file for a month or a range (format CSV or XLSX; encoding UTF_8, "
            + "UTF_8_BOM, BIG5 or BIG5_HKSCS for CSV)")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment")
    @ApiResponse(responseCode = "400", description = "attendance.report_period_invalid")
    @ApiResponse(responseCode = "422", description = "attendance.export_unencodable: the cells and characters the "
            + "encoding cannot hold; nothing was written")
    ResponseEntity<byte[]> export(@RequestBody ExportBody body) {
        LocalDate[] period = period(body.month(), null, body.from(), body.to());
        ExportFile file = exports.export(tenant(), new ExportRequest(period[0], period[1], body.format(),
                body.encoding()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }

    @GetMapping("/export-profile")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "The organisation's export profile: columns, labels, date formats and the column catalogue")
    ExportProfile profile() {
        return exports.profile(tenant());
    }

    @PutMapping("/export-profile")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Change the export profile")
    @ApiResponse(responseCode = "400", description = "attendance.export_profile_invalid")
    ExportProfile changeProfile(@RequestBody ExportProfile profile) {
        return exports.changeProfile(tenant(), profile);
    }

    @GetMapping("/payroll-codes")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Every person's payroll code")
    List<PayrollCode> payrollCodes() {
        return exports.payrollCodes(tenant());
    }

    @PutMapping("/payroll-codes/{userId}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Set a person's payroll code")
    @ApiResponse(responseCode = "400", description = "attendance.payroll_code_invalid")
    @ApiResponse(responseCode = "404", description = "attendance.user_not_found")
    @ApiResponse(responseCode = "409", description = "attendance.payroll_code_taken")
    PayrollCode setPayrollCode(@PathVariable String userId, @RequestBody Map<String, String> body) {
        return exports.setPayrollCode(tenant(), userId, body.get("payrollCode"));
    }

    @DeleteMapping("/payroll-codes/{userId}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Remove a person's payroll code")
    @ApiResponse(responseCode = "404", description = "attendance.payroll_code_not_found")
    ResponseEntity<Void> deletePayrollCode(@PathVariable String userId) {
        exports.deletePayrollCode(tenant(), userId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/payroll-codes/import", consumes = "text/csv")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Set payroll codes from CSV with the header userId,payrollCode; all or nothing")
    @ApiResponse(responseCode = "400", description = "attendance.payroll_import_invalid, with the lines at fault")
    Map<String, Integer> importPayrollCodes(@RequestBody String csv) {
        return Map.of("imported", exports.importPayrollCodes(tenant(), csv));
    }

    record ExportBody(String month, LocalDate from, LocalDate to, ExportFormat format, ExportEncoding encoding) {
    }

    /** A month, one date, or a range; exactly one of them. */
    static LocalDate[] period(String month, LocalDate date, LocalDate from, LocalDate to) {
        int given = (month != null ? 1 : 0) + (date != null ? 1 : 0) + (from != null || to != null ? 1 : 0);
        if (given != 1) {
            throw invalidPeriod();
        }
        if (month != null) {
            try {
                YearMonth m = YearMonth.parse(month);
                return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
            } catch (DateTimeParseException e) {
                throw invalidPeriod();
            }
        }
        if (date != null) {
            return new LocalDate[] {date, date};
        }
        return new LocalDate[] {from, to};
    }

    private static LantauException invalidPeriod() {
        return LantauException.invalid("attendance.report_period_invalid",
                "Name a month (yyyy-MM), a date, or from and to.");
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
