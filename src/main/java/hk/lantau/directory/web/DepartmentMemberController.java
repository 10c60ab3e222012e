package hk.lantau.directory.web;

import hk.lantau.directory.DepartmentMember;
import hk.lantau.directory.Memberships;
import hk.lantau.directory.Memberships.MembershipResult;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/departments/{id}/members")
@Tag(name = "Department members", description = "Who belongs to a department")
class DepartmentMemberController {

    private final Memberships memberships;

    DepartmentMemberController(Memberships memberships) {
        this.memberships = memberships;
    }

    @RequiresScope(Scope.DEPARTMENT_READ)
    @GetMapping
    @Operation(summary = "The department's members, a page at a time",
            description = "Ordered by each member's order in the department, then userId.")
    CursorPage<MemberView> members(@PathVariable long id, @RequestParam(required = false) @Size(max = 500) String cursor,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        CursorPage<DepartmentMember> page = memberships.members(tenantId, id, cursor, limit);
        return new CursorPage<>(page.items().stream().map(MemberView::of).toList(), page.nextCursor());
    }

    @RequiresScope(Scope.DEPARTMENT_WRITE)
    @PostMapping
    @Operation(summary = "Add people to the department (needs directory.membership)",
            description = "People already in the department are reported and left as they are.")
    MembershipResult add(@PathVariable long id, @Valid @RequestBody AddRequest request) {
        long tenantId = CurrentActor.require(Permission.MEMBERSHIP_MANAGE).requireTenant();
        return memberships.add(tenantId, id, request.userIds(), Boolean.TRUE.equals(request.leader()),
                request.order() == null ? 0 : request.order());
    }

    @PeopleOnly
    @PostMapping("/me")
    @Operation(summary = "Join a department yourself",
            description = "Allowed when the organisation has self-join switched on and the department is not "
                    + "virtual; people with directory.membership may always add themselves.")
    MembershipResult join(@PathVariable long id) {
        Actor actor = CurrentActor.get();
        long tenantId = actor.requireTenant();
        if (actor.kind() != ActorKind.USER || actor.userId() == null) {
            throw LantauException.forbidden("directory.self_join_person_only", "Only a person can join a department.");
        }
        if (actor.can(Permission.MEMBERSHIP_MANAGE)) {
            return memberships.add(tenantId, id, List.of(actor.userId()), false, 0);
        }
        return memberships.join(tenantId, id, actor.userId());
    }

    @RequiresScope(Scope.DEPARTMENT_WRITE)
    @DeleteMapping("/{userId}")
    @Operation(summary = "Remove a person from the department (needs directory.membership)",
            description = "Refused with directory.last_department when it is the person's only real department.")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable String userId) {
        long tenantId = CurrentActor.require(Permission.MEMBERSHIP_MANAGE).requireTenant();
        memberships.remove(tenantId, id, userId);
        return ResponseEntity.noContent().build();
    }

    record AddRequest(@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 64) String> userIds, Boolean leader,
                      @Min(0) @Max(1_000_000) Integer order) {
    }

    record MemberView(String userId, String name, String title, String status, boolean leader, int order) {

        static MemberView of(DepartmentMember m) {
            return new MemberView(m.userId(), m.name(), m.title(), m.status().name(), m.leader(), m.order());
        }
    }
}
