package hk.lantau.directory.web;

import hk.lantau.directory.NewUser;
import hk.lantau.directory.UserChange;
import hk.lantau.directory.UserProfile;
import hk.lantau.directory.UserQuery;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.Users;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "People", description = "People of the organisation, their profile and status")
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    @RequiresScope(Scope.USER_READ)
    @GetMapping
    @Operation(summary = "Search people",
            description = "q matches name, e-mail or job number; without status, active and suspended people "
                    + "are listed. Sorted by name; pass nextCursor as cursor for the next page.")
    CursorPage<UserView> search(@RequestParam(required = false) @Size(max = 100) String q,
                                @RequestParam(required = false) Long departmentId,
                                @RequestParam(required = false) UserStatus status,
                                @RequestParam(required = false) @Size(max = 32) String mobile,
                                @RequestParam(required = false) @Size(max = 500) String cursor,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        CursorPage<UserProfile> page = users.search(tenantId, new UserQuery(q, departmentId, status, mobile), cursor,
                limit);
        return new CursorPage<>(page.items().stream().map(UserView::of).toList(), page.nextCursor());
    }

    @RequiresScope(Scope.USER_WRITE)
    @PostMapping
    @Operation(summary = "Add a person (needs directory.write; roleKeys need roles.manage)",
            description = "Without departmentIds the person joins the root department; without roleKeys they get "
                    + "the staff role. Duplicate userId, email or mobile answer 409 naming the field.")
    ResponseEntity<UserView> create(@Valid @RequestBody CreateRequest request) {
        Actor actor = CurrentActor.require(Permission.DIRECTORY_WRITE);
        if (request.roleKeys() != null && !request.roleKeys().isEmpty()) {
            CurrentActor.require(Permission.ROLES_MANAGE);
        }
        UserProfile created = users.create(actor.requireTenant(), request.toNewUser());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.userId())).body(UserView.of(created));
    }

    @RequiresScope(Scope.USER_READ)
    @GetMapping("/{userId}")
    @Operation(summary = "One person's profile, protected fields masked")
    UserView get(@PathVariable String userId) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        return UserView.of(users.get(tenantId, userId));
    }

    @RequiresScope(Scope.USER_WRITE)
    @PatchMapping("/{userId}")
    @Operation(summary = "Change a person's profile (needs directory.write; departmentIds need directory.membership)",
            description = "Absent fields stay as they are; a blank text or a name in clear empties the field. "
                    + "departmentIds replaces all the person's memberships.")
    UserView change(@PathVariable String userId, @Valid @RequestBody ChangeRequest request) {
        Actor actor = CurrentActor.require(Permission.DIRECTORY_WRITE);
        if (request.departmentIds() != null) {
            CurrentActor.require(Permission.MEMBERSHIP_MANAGE);
        }
        return UserView.of(users.change(actor.requireTenant(), userId, request.toChange()));
    }

    @RequiresScope(Scope.USER_WRITE)
    @PostMapping("/{userId}/suspend")
    @Operation(summary = "Suspend a person: they cannot sign in and lose their sessions (needs directory.write)")
    UserView suspend(@PathVariable String userId) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        return UserView.of(users.suspend(tenantId, userId));
    }

    @RequiresScope(Scope.USER_WRITE)
    @PostMapping("/{userId}/reactivate")
    @Operation(summary = "Reactivate a suspended person (needs directory.write)")
    UserView reactivate(@PathVariable String userId) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        return UserView.of(users.reactivate(tenantId, userId));
    }

    @RequiresScope(Scope.USER_WRITE)
    @PostMapping("/{userId}/leave")
    @Operation(summary = "Mark a person as having left (needs directory.write)",
            description = "Ends their memberships, roles and sessions; their e-mail and mobile become free.")
    UserView leave(@PathVariable String userId) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        return UserView.of(users.leave(tenantId, userId));
    }

    record CreateRequest(@Size(max = 64) String userId, @NotBlank @Size(max = 80) String name,
                         @Size(max = 32) String mobile, @Size(max = 254) String email, @Size(max = 100) String title,
                         @Size(max = 64) String jobNumber, LocalDate hireDate, @Size(max = 64) String managerUserId,
                         @Size(max = 100) List<@NotNull Long> departmentIds, @Size(max = 100) String workPlace,
                         @Size(max = 1000) String remark, LocalDate contractEndDate, @Size(max = 16) String hkid,
                         @Size(max = 500) String homeAddress, @Size(max = 64) String bankAccount,
                         @Size(max = 200) String emergencyContact, @Size(max = 2000) String medicalNotes,
                         @Size(max = 20) List<@NotBlank @Size(max = 64) String> roleKeys) {

        NewUser toNewUser() {
            return new NewUser(userId, name, mobile, email, title, jobNumber, hireDate, managerUserId, departmentIds,
                    workPlace, remark, contractEndDate, hkid, homeAddress, bankAccount, emergencyContact,
                    medicalNotes, roleKeys);
        }
    }

    record ChangeRequest(@Size(min = 1, max = 80) String name, @Size(max = 32) String mobile,
                         @Size(max = 254) String email, @Size(max = 100) String title,
                         @Size(max = 64) String jobNumber, LocalDate hireDate, @Size(max = 64) String managerUserId,
                         @Size(max = 100) List<@NotNull Long> departmentIds, @Size(max = 100) String workPlace,
                         @Size(max = 1000) String remark, LocalDate contractEndDate, @Size(max = 16) String hkid,
                         @Size(max = 500) String homeAddress, @Size(max = 64) String bankAccount,
                         @Size(max = 200) String emergencyContact, @Size(max = 2000) String medicalNotes,
                         @Size(max = 20) List<@NotBlank String> clear) {

        UserChange toChange() {
            return new UserChange(name, email, title, jobNumber, hireDate, managerUserId, departmentIds, workPlace,
                    remark, contractEndDate, mobile, hkid, homeAddress, bankAccount, emergencyContact, medicalNotes,
                    clear == null ? Set.of() : Set.copyOf(clear));
        }
    }
}
