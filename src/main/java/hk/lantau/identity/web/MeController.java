package hk.lantau.identity.web;

import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, in which organisation, with which permissions. */
@RestController
@PeopleOnly
@Tag(name = "Sign-in")
class MeController {

    private final Organisations organisations;

    MeController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in caller and their effective permissions")
    Me me() {
        Actor actor = CurrentActor.get();
        String corpId = actor.tenantId() == null ? null : organisations.get(actor.tenantId()).corpId();
        return new Me(actor.kind().name(), actor.userId(), actor.name(), corpId,
                actor.permissions().stream().map(Permission::key).sorted().toList());
    }

    record Me(String kind, String userId, String name, String corpId, List<String> permissions) {
    }
}
