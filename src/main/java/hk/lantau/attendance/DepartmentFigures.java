package hk.lantau.attendance;

/** The summed figures of the people of a department who have records in the period. */
public record DepartmentFigures(long departmentId, String name, int people, Figures figures) {
}
