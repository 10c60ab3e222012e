package hk.lantau.directory;

import java.util.List;

/** The department tree of one organisation. Departments of other organisations are "not found". */
public interface Departments {

    /** The whole tree from the root. */
    DepartmentNode tree(long tenantId);

    /** The direct sub-departments of one department. */
    List<Department> children(long tenantId, long parentId);

    Department get(long tenantId, long departmentId);

    /** How many people are members of the department itself (not of its sub-departments). */
    int memberCount(long tenantId, long departmentId);

    Department create(long tenantId, NewDepartment department);

    /** Renames, moves (refusing cycles) and reorders. */
    Department change(long tenantId, long departmentId, DepartmentChange change);

    /** Deletes an empty department: no members, no sub-departments, not the root. */
    void delete(long tenantId, long departmentId);

    /** Removes a virtual department and its memberships; returns how many memberships ended. */
    int dissolve(long tenantId, long departmentId);
}
