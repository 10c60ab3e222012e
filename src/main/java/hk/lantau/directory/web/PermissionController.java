package hk.lantau.directory.web;

import hk.lantau.directory.Roles;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Roles")
class PermissionController {

    private final Roles roles;

    PermissionController(Roles roles) {
        this.roles = roles;
    }

    @RequiresScope(Scope.ROLE_READ)
    @GetMapping("/api/v1/permissions")
    @Operation(summary = "The permissions a role can contain")
    List<PermissionView> catalogue() {
        CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        return roles.catalogue().stream().map(p -> new PermissionView(p.key(), p.description())).toList();
    }

    record PermissionView(String key, String description) {
    }
}
