package hk.lantau.directory.web;

import hk.lantau.directory.NewRole;
import hk.lantau.directory.Role;
import hk.lantau.directory.RoleChange;
import hk.lantau.directory.Roles;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/roles")
@Tag(name = "Roles", description = "Built-in and custom roles; every call needs roles.manage")
class RoleController {

    private final Roles roles;

    RoleController(Roles roles) {
        this.roles = roles;
    }

    @RequiresScope(Scope.ROLE_READ)
    @GetMapping
    @Operation(summary = "All roles of the organisation, built-in first")
    List<RoleView> list() {
        long tenantId = reader().requireTenant();
        return roles.list(tenantId).stream().map(RoleView::of).toList();
    }

    @RequiresScope(Scope.ROLE_READ)
    @GetMapping("/{key}")
    @Operation(summary = "One role")
    RoleView get(@PathVariable String key) {
        long tenantId = reader().requireTenant();
        return RoleView.of(roles.get(tenantId, key));
    }

    @RequiresScope(Scope.ROLE_WRITE)
    @PostMapping
    @Operation(summary = "Create a custom role from any permissions of the catalogue")
    ResponseEntity<RoleView> create(@Valid @RequestBody CreateRequest request) {
        long tenantId = CurrentActor.require(Permission.ROLES_MANAGE).requireTenant();
        Role role = roles.create(tenantId, new NewRole(request.key(), request.name(), request.permissions()));
        return ResponseEntity.created(URI.create("/api/v1/roles/" + role.key())).body(RoleView.of(role));
    }

    @RequiresScope(Scope.ROLE_WRITE)
    @PatchMapping("/{key}")
    @Operation(summary = "Rename a custom role or replace its permissions",
            description = "Built-in roles are refused with directory.role_built_in.")
    RoleView change(@PathVariable String key, @Valid @RequestBody ChangeRequest request) {
        long tenantId = CurrentActor.require(Permission.ROLES_MANAGE).requireTenant();
        return RoleView.of(roles.change(tenantId, key, new RoleChange(request.name(), request.permissions())));
    }

    @RequiresScope(Scope.ROLE_WRITE)
    @DeleteMapping("/{key}")
    @Operation(summary = "Delete a custom role nobody holds")
    ResponseEntity<Void> delete(@PathVariable String key) {
        long tenantId = CurrentActor.require(Permission.ROLES_MANAGE).requireTenant();
        roles.delete(tenantId, key);
        return ResponseEntity.noContent().build();
    }

    /** Roles are read with roles.read, which roles.manage includes and an app's role.read scope grants. */
    static Actor reader() {
        return CurrentActor.require(Permission.ROLES_READ);
    }

    record CreateRequest(@NotBlank @Size(max = 64) String key, @NotBlank @Size(max = 100) String name,
                         @NotNull @Size(max = 50) List<@NotBlank @Size(max = 64) String> permissions) {
    }

    record ChangeRequest(@Size(min = 1, max = 100) String name,
                         @Size(max = 50) List<@NotBlank @Size(max = 64) String> permissions) {
    }

    record RoleView(String key, String name, boolean builtIn, List<String> permissions) {

        static RoleView of(Role role) {
            return new RoleView(role.key(), role.name(), role.builtIn(),
                    role.permissions().stream().map(Permission::key).toList());
        }
    }
}
