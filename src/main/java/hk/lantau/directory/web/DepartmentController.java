package hk.lantau.directory.web;

import hk.lantau.directory.Department;
import hk.lantau.directory.DepartmentChange;
import hk.lantau.directory.DepartmentNode;
import hk.lantau.directory.Departments;
import hk.lantau.directory.NewDepartment;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "Departments", description = "The department tree, including virtual (project) departments")
class DepartmentController {

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    @RequiresScope(Scope.DEPARTMENT_READ)
    @GetMapping(params = "!parentId")
    @Operation(summary = "The whole department tree from the root (id 1)")
    TreeView tree() {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        return TreeView.of(departments.tree(tenantId));
    }

    @RequiresScope(Scope.DEPARTMENT_READ)
    @GetMapping(params = "parentId")
    @Operation(summary = "The direct sub-departments of one department")
    List<DepartmentView> children(@RequestParam long parentId) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        return departments.children(tenantId, parentId).stream().map(d -> DepartmentView.of(d, null)).toList();
    }

    @RequiresScope(Scope.DEPARTMENT_READ)
    @GetMapping("/{id}")
    @Operation(summary = "One department with its number of members")
    DepartmentView get(@PathVariable long id) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        return DepartmentView.of(departments.get(tenantId, id), departments.memberCount(tenantId, id));
    }

    @RequiresScope(Scope.DEPARTMENT_WRITE)
    @PostMapping
    @Operation(summary = "Create a department (needs directory.write)")
    ResponseEntity<DepartmentView> create(@Valid @RequestBody CreateRequest request) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        Department created = departments.create(tenantId, new NewDepartment(request.name(), request.parentId(),
                request.order(), Boolean.TRUE.equals(request.virtual())));
        return ResponseEntity.created(URI.create("/api/v1/departments/" + created.id()))
                .body(DepartmentView.of(created, 0));
    }

    @RequiresScope(Scope.DEPARTMENT_WRITE)
    @PatchMapping("/{id}")
    @Operation(summary = "Rename, move or reorder a department (needs directory.write)",
            description = "A move under the department itself or one of its sub-departments is refused with "
                    + "directory.department_cycle.")
    DepartmentView change(@PathVariable long id, @Valid @RequestBody ChangeRequest request) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        Department changed = departments.change(tenantId, id,
                new DepartmentChange(request.name(), request.parentId(), request.order()));
        return DepartmentView.of(changed, departments.memberCount(tenantId, id));
    }

    @RequiresScope(Scope.DEPARTMENT_WRITE)
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an empty department (needs directory.write)",
            description = "Refused with directory.department_not_empty while it has members or sub-departments.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        departments.delete(tenantId, id);
        return ResponseEntity.noContent().build();
    }

    @RequiresScope(Scope.DEPARTMENT_WRITE)
    @PostMapping("/{id}/dissolve")
    @Operation(summary = "Dissolve a virtual department (needs directory.write)",
            description = "Removes the virtual department and its memberships; members keep their real departments.")
    DissolvedView dissolve(@PathVariable long id) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        return new DissolvedView(id, departments.dissolve(tenantId, id));
    }

    record CreateRequest(@NotBlank @Size(max = 64) String name, Long parentId,
                         @Min(0) @Max(1_000_000) Integer order, Boolean virtual) {
    }

    record ChangeRequest(@Size(min = 1, max = 64) String name, Long parentId, @Min(0) @Max(1_000_000) Integer order) {
    }

    record DepartmentView(long id, Long parentId, String name, int order, boolean virtual, Integer memberCount,
                          String createdAt, String updatedAt) {

        static DepartmentView of(Department d, Integer memberCount) {
            return new DepartmentView(d.id(), d.parentId(), d.name(), d.order(), d.virtual(), memberCount,
                    d.createdAt().toString(), d.updatedAt().toString());
        }
    }

    record TreeView(long id, Long parentId, String name, int order, boolean virtual, List<TreeView> children) {

        static TreeView of(DepartmentNode node) {
            Department d = node.department();
            return new TreeView(d.id(), d.parentId(), d.name(), d.order(), d.virtual(),
                    node.children().stream().map(TreeView::of).toList());
        }
    }

    record DissolvedView(long departmentId, int removedMembers) {
    }
}
