package hk.lantau.attendance;

import java.time.LocalDate;

/**
 * Daily and monthly attendance figures, computed over the records in one statement per report.
 * Both need {@code attendance.read}; a period is one to 31 work dates. People appear when they have
 * at least one record in the period.
 */
public interface AttendanceReports {

    PeopleReport people(long tenantId, LocalDate from, LocalDate to);

    DepartmentReport departments(long tenantId, LocalDate from, LocalDate to, boolean includeSubDepartments);
}
