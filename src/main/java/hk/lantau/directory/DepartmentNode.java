package hk.lantau.directory;

import java.util.List;

/** A department with its sub-departments, siblings sorted by order, then id. */
public record DepartmentNode(Department department, List<DepartmentNode> children) {

    public DepartmentNode {
        children = List.copyOf(children);
    }
}
