package hk.lantau.directory.web;

import hk.lantau.directory.Roles;
import hk.lantau.directory.UserAccess;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
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
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/{userId}")
@Tag(name = "Roles")
class UserAccessController {

    private final Roles roles;

    UserAccessController(Roles roles) {
        this.roles = roles;
    }

    @RequiresScope(Scope.ROLE_READ)
    @GetMapping("/permissions")
    @Operation(summary = "A person's roles and effective permissions (their own, or any with roles.manage)")
    AccessView access(@PathVariable String userId) {
        Actor actor = CurrentActor.get();
        long tenantId = actor.requireTenant();
        boolean self = actor.kind() == ActorKind.USER && userId.equals(actor.userId());
        if (!self) {
            RoleController.reader();
        }
        return AccessView.of(roles.access(tenantId, userId));
    }

    @RequiresScope(Scope.ROLE_WRITE)
    @PutMapping("/roles")
    @Operation(summary = "Set the roles a person holds (needs roles.manage)",
            description = "Refused with directory.last_admin when it would leave no active administrator.")
    AccessView assign(@PathVariable String userId, @Valid @RequestBody AssignRequest request) {
        long tenantId = CurrentActor.require(Permission.ROLES_MANAGE).requireTenant();
        return AccessView.of(roles.assign(tenantId, userId, request.roleKeys()));
    }

    record AssignRequest(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 64) String> roleKeys) {
    }

    record AccessView(String userId, List<RoleController.RoleView> roles, List<String> permissions) {

        static AccessView of(UserAccess access) {
            return new AccessView(access.userId(), access.roles().stream().map(RoleController.RoleView::of).toList(),
                    access.permissions().stream().map(Permission::key).toList());
        }
    }
}
