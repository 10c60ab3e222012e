package hk.lantau.directory.internal;

import hk.lantau.directory.Department;
import hk.lantau.directory.DepartmentChange;
import hk.lantau.directory.DepartmentCreated;
import hk.lantau.directory.DepartmentDeleted;
import hk.lantau.directory.DepartmentDissolved;
import hk.lantau.directory.DepartmentMoved;
import hk.lantau.directory.DepartmentNode;
import hk.lantau.directory.DepartmentRenamed;
import hk.lantau.directory.DepartmentReordered;
import hk.lantau.directory.Departments;
import hk.lantau.directory.Directory;
import hk.lantau.directory.NewDepartment;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DepartmentService implements Departments {

    static final int NAME_MAX = 64;

    private final DepartmentRepository departments;
    private final MembershipRepository memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DepartmentService(DepartmentRepository departments, MembershipRepository memberships,
                      ApplicationEventPublisher events, Clock clock) {
        this.departments = departments;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public DepartmentNode tree(long tenantId) {
        Map<Long, List<Department>> byParent = new HashMap<>();
        Department root = null;
        for (Department d : departments.findAll(tenantId)) {
            if (d.parentId() == null) {
                root = d;
            } else {
                byParent.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d);
            }
        }
        if (root == null) {
            throw notFound();
        }
        return node(root, byParent);
    }

    private static DepartmentNode node(Department department, Map<Long, List<Department>> byParent) {
        List<DepartmentNode> children = byParent.getOrDefault(department.id(), List.of()).stream()
                .map(child -> node(child, byParent)).toList();
        return new DepartmentNode(department, children);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Department> children(long tenantId, long parentId) {
        get(tenantId, parentId);
        return departments.children(tenantId, parentId);
    }

    @Override
    @Transactional(readOnly = true)
    public Department get(long tenantId, long departmentId) {
        return departments.find(tenantId, departmentId).orElseThrow(DepartmentService::notFound);
    }

    @Override
    @Transactional(readOnly = true)
    public int memberCount(long tenantId, long departmentId) {
        get(tenantId, departmentId);
        return memberships.count(tenantId, departmentId);
    }

    @Override
    @Transactional
    public Department create(long tenantId, NewDepartment request) {
        String name = name(request.name());
        long parentId = request.parentId() == null ? Directory.ROOT_DEPARTMENT_ID : request.parentId();
        Department parent = departments.find(tenantId, parentId).orElseThrow(() -> LantauException.invalidField(
                "parentId", "directory.department_unknown", "There is no such parent department."));
        checkParent(parent);
        checkNameFree(tenantId, parentId, name, 0);
        long id = departments.nextId();
        int order = request.order() == null ? 0 : request.order();
        departments.insert(tenantId, id, parentId, name, order, request.virtual(), clock.instant());
        events.publishEvent(new DepartmentCreated(tenantId, id, name, parentId, request.virtual()));
        return get(tenantId, id);
    }

    @Override
    @Transactional
    public Department change(long tenantId, long departmentId, DepartmentChange change) {
        Department current = get(tenantId, departmentId);
        String name = change.name() == null ? current.name() : name(change.name());
        Long parentId = change.parentId() == null ? current.parentId() : change.parentId();
        int order = change.order() == null ? current.order() : change.order();
        if (current.root() && change.parentId() != null) {
            throw LantauException.conflictField("parentId", "directory.root_department",
                    "The root department cannot be moved.");
        }
        boolean moved = !Objects.equals(parentId, current.parentId());
        if (moved) {
            checkMove(tenantId, current, parentId);
        }
        if (!current.root() && (moved || !name.equals(current.name()))) {
            checkNameFree(tenantId, parentId, name, departmentId);
        }
        Department next = new Department(departmentId, parentId, name, order, current.virtual(),
                current.createdAt(), current.updatedAt());
        if (next.equals(current)) {
            return current;
        }
        departments.update(tenantId, next, clock.instant());
        if (!name.equals(current.name())) {
            events.publishEvent(new DepartmentRenamed(tenantId, departmentId, current.name(), name));
        }
        if (moved) {
            events.publishEvent(new DepartmentMoved(tenantId, departmentId, current.parentId(), parentId));
        }
        if (order != current.order()) {
            events.publishEvent(new DepartmentReordered(tenantId, departmentId, current.order(), order));
        }
        return get(tenantId, departmentId);
    }

    @Override
    @Transactional
    public void delete(long tenantId, long departmentId) {
        Department department = get(tenantId, departmentId);
        if (department.root()) {
            throw LantauException.conflict("directory.root_department", "The root department cannot be deleted.");
        }
        if (departments.hasChildren(tenantId, departmentId) || memberships.count(tenantId, departmentId) > 0) {
            throw LantauException.conflict("directory.department_not_empty",
                    "Move or remove the department's members and sub-departments first.");
        }
        departments.delete(tenantId, departmentId);
        events.publishEvent(new DepartmentDeleted(tenantId, departmentId, department.name()));
    }

    @Override
    @Transactional
    public int dissolve(long tenantId, long departmentId) {
        Department department = get(tenantId, departmentId);
        if (!department.virtual()) {
            throw LantauException.conflict("directory.department_not_virtual",
                    "Only virtual departments can be dissolved; delete a real department instead.");
        }
        List<String> removed = memberships.removeAllIn(tenantId, departmentId);
        departments.delete(tenantId, departmentId);
        events.publishEvent(new DepartmentDissolved(tenantId, departmentId, department.name(), removed));
        return removed.size();
    }

    /** Refuses a move under a department that does not exist, is virtual, or lies below the one moved. */
    private void checkMove(long tenantId, Department moved, long parentId) {
        Map<Long, Department> all = departments.findAll(tenantId).stream()
                .collect(Collectors.toMap(Department::id, Function.identity()));
        Department parent = all.get(parentId);
        if (parent == null) {
            throw LantauException.invalidField("parentId", "directory.department_unknown",
                    "There is no such parent department.");
        }
        checkParent(parent);
        for (Department d = parent; d != null; d = d.parentId() == null ? null : all.get(d.parentId())) {
            if (d.id() == moved.id()) {
                throw LantauException.conflictField("parentId", "directory.department_cycle",
                        "A department cannot be moved under itself or one of its sub-departments.");
            }
        }
    }

    // Virtual departments stay leaves, so dissolving one never touches the real tree.
    private static void checkParent(Department parent) {
        if (parent.virtual()) {
            throw LantauException.conflictField("parentId", "directory.virtual_parent",
                    "A virtual department cannot have sub-departments.");
        }
    }

    private void checkNameFree(long tenantId, long parentId, String name, long exceptId) {
        if (departments.nameTaken(tenantId, parentId, name, exceptId)) {
            throw LantauException.conflictField("name", "directory.department_name_taken",
                    "The parent department already has a sub-department with this name.");
        }
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw LantauException.invalidField("name", "directory.department_name_invalid",
                    "A department name has 1 to 64 characters.");
        }
        return name;
    }

    static LantauException notFound() {
        return LantauException.notFound("directory.department_not_found", "No such department in this organisation.");
    }
}
