package hk.lantau.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * Figures per department for the work dates from {@code from} to {@code to}, both included. With
 * {@code includeSubDepartments} a department's figures include everyone in the departments below
 * it; a person is counted once per department however many of its sub-departments they are in.
 */
public record DepartmentReport(LocalDate from, LocalDate to, boolean includeSubDepartments,
                               List<DepartmentFigures> departments) {

    public DepartmentReport {
        departments = List.copyOf(departments);
    }
}
