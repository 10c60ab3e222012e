package hk.lantau.attendance;

import java.util.List;

/**
 * The payroll export: figures per person as CSV or XLSX laid out by the organisation's export
 * profile, with each person's payroll code. Exporting needs {@code attendance.read}; changing the
 * profile and the payroll codes {@code attendance.manage}.
 */
public interface AttendanceExports {

    /**
     * The export file. Every cell is checked against the encoding before anything is written: a
     * value the encoding cannot hold is refused with {@code attendance.export_unencodable} (422),
     * naming each row, column and character.
     */
    ExportFile export(long tenantId, ExportRequest request);

    ExportProfile profile(long tenantId);

    ExportProfile changeProfile(long tenantId, ExportProfile profile);

    List<PayrollCode> payrollCodes(long tenantId);

    PayrollCode setPayrollCode(long tenantId, String userId, String payrollCode);

    void deletePayrollCode(long tenantId, String userId);

    /**
     * Sets payroll codes from CSV with a header {@code userId,payrollCode}. All rows are checked
     * first; any bad row refuses the whole file. Returns how many codes were set.
     */
    int importPayrollCodes(long tenantId, String csv);
}
