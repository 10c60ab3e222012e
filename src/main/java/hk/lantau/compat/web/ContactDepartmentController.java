package hk.lantau.compat.web;

import hk.lantau.directory.Department;
import hk.lantau.directory.DepartmentChange;
import hk.lantau.directory.DepartmentNode;
import hk.lantau.directory.Departments;
import hk.lantau.directory.Directory;
import hk.lantau.directory.NewDepartment;
import hk.lantau.directory.Users;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's contacts API for departments ({@code /topapi/v2/department/...}) over the directory's
 * department tree. Lantau's department ids are DingTalk's {@code dept_id}, the root is 1.
 */
@RestController
class ContactDepartmentController {

    private final Departments departments;
    private final Users users;

    ContactDepartmentController(Departments departments, Users users) {
        this.departments = departments;
        this.users = users;
    }

    @RequiresScope(Scope.DEPARTMENT_READ)
    @PostMapping("/topapi/v2/department/get")
    ResponseEntity<Map<String, Object>> get(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        Department department = departments.get(tenantId, body.requireNumber("dept_id"));
        return OldReply.result(Wire.object()
                .put("dept_id", department.id())
                .put("name", department.name())
                .put("parent_id", department.parentId())
                .put("order", (long) department.order())
                .put("member_count", departments.memberCount(tenantId, department.id()))
                .put("create_dept_group", false)
                .put("auto_add_user", false)
                .put("hide_dept", false)
                .map());
    }

    @RequiresScope(Scope.DEPARTMENT_READ)
    @PostMapping("/topapi/v2/department/listsub")
    ResponseEntity<Map<String, Object>> listSub(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        long parentId = parent(body, tenantId);
        List<Map<String, Object>> result = new ArrayList<>();
        for (Department child : departments.children(tenantId, parentId)) {
            result.add(Wire.object().put("dept_id", child.id()).put("name", child.name())
                    .put("parent_id", child.parentId()).put("create_dept_group", false).put("auto_add_user", false)
                    .map());
        }
        return OldReply.result(result);
    }

    @RequiresScope(Scope.DEPARTMENT_READ)
    @PostMapping("/topapi/v2/department/listsubid")
    ResponseEntity<Map<String, Object>> listSubIds(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        long parentId = parent(body, tenantId);
        return OldReply.result(Map.of("dept_id_list",
                departments.children(tenantId, parentId).stream().map(Department::id).toList()));
    }

    @RequiresScope(Scope.DEPARTMENT_READ)
    @PostMapping("/topapi/v2/department/listparentbydept")
    ResponseEntity<Map<String, Object>> listParentByDept(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        long departmentId = body.requireNumber("dept_id");
        departments.get(tenantId, departmentId);
        return OldReply.result(Map.of("parent_id_list", chain(parents(tenantId), departmentId)));
    }

    @RequiresScope(Scope.DEPARTMENT_READ)
    @PostMapping("/topapi/v2/department/listparentbyuser")
    ResponseEntity<Map<String, Object>> listParentByUser(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        List<Long> memberOf = users.get(tenantId, body.requireText("userid")).departmentIds();
        Map<Long, Long> parents = parents(tenantId);
        List<Map<String, Object>> chains = new ArrayList<>();
        for (long departmentId : memberOf) {
            chains.add(Map.of("parent_dept_id_list", chain(parents, departmentId)));
        }
        return OldReply.result(Map.of("parent_list", chains));
    }

    @RequiresScope(Scope.DEPARTMENT_WRITE)
    @PostMapping("/topapi/v2/department/create")
    ResponseEntity<Map<String, Object>> create(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        String name = body.requireText("name");
        long parentId = body.requireNumber("parent_id");
        Department created = departments.create(tenantId, new NewDepartment(name, parentId, order(body), false));
        return OldReply.result(Map.of("dept_id", created.id()));
    }

    @RequiresScope(Scope.DEPARTMENT_WRITE)
    @PostMapping("/topapi/v2/department/update")
    ResponseEntity<Map<String, Object>> update(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        long departmentId = body.requireNumber("dept_id");
        departments.change(tenantId, departmentId, new DepartmentChange(body.text("name"), body.number("parent_id"),
                order(body)));
        return OldReply.ok();
    }

    @RequiresScope(Scope.DEPARTMENT_WRITE)
    @PostMapping("/topapi/v2/department/delete")
    ResponseEntity<Map<String, Object>> delete(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        departments.delete(tenantId, body.requireNumber("dept_id"));
        return OldReply.ok();
    }

    /** The department whose children are listed: {@code dept_id}, the root when absent; it must exist. */
    private long parent(DingTalkRequest body, long tenantId) {
        Long departmentId = body.number("dept_id");
        long id = departmentId == null ? Directory.ROOT_DEPARTMENT_ID : departmentId;
        departments.get(tenantId, id);
        return id;
    }

    private static Integer order(DingTalkRequest body) {
        Long order = body.number("order");
        if (order != null && (order < Integer.MIN_VALUE || order > Integer.MAX_VALUE)) {
            throw DingTalkException.invalidParameter("order");
        }
        return order == null ? null : order.intValue();
    }

    /** Each department's parent, from one read of the tree. */
    private Map<Long, Long> parents(long tenantId) {
        Map<Long, Long> parents = new HashMap<>();
        List<DepartmentNode> pending = new ArrayList<>(List.of(departments.tree(tenantId)));
        while (!pending.isEmpty()) {
            DepartmentNode node = pending.remove(pending.size() - 1);
            parents.put(node.department().id(), node.department().parentId());
            pending.addAll(node.children());
        }
        return parents;
    }

    /** The department and its ancestors, from itself up to the root, as DingTalk lists them. */
    private static List<Long> chain(Map<Long, Long> parents, long departmentId) {
        List<Long> chain = new ArrayList<>();
        Long current = departmentId;
        while (current != null && chain.size() <= parents.size()) {
            chain.add(current);
            current = parents.get(current);
        }
        return chain;
    }
}
