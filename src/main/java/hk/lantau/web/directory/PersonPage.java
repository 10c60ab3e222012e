package hk.lantau.web.directory;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.Departments;
import hk.lantau.directory.Role;
import hk.lantau.directory.Roles;
import hk.lantau.directory.UserAccess;
import hk.lantau.directory.UserProfile;
import hk.lantau.directory.Users;
import hk.lantau.identity.AccountSessions;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.ShellFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of a person's profile page: details, masked protected fields, access, and their
 * sign-in sessions. Each part only for a viewer whose permissions include it.
 */
@Component
class PersonPage {

    private final Users users;
    private final Departments departments;
    private final Roles roles;
    private final AccountSessions sessions;

    PersonPage(Users users, Departments departments, Roles roles, AccountSessions sessions) {
        this.users = users;
        this.departments = departments;
        this.roles = roles;
        this.sessions = sessions;
    }

    String render(Model model, long tenantId, UserProfile person, Map<ProtectedField, String> revealed,
                  FormErrors errors) {
        Actor actor = CurrentActor.get();
        boolean seesAccess = actor.can(Permission.ROLES_MANAGE) || person.userId().equals(actor.userId());
        UserAccess access = seesAccess ? roles.access(tenantId, person.userId()) : null;
        model.addAttribute("person", person);
        model.addAttribute("initials", ShellFactory.initials(person.name()));
        model.addAttribute("tree", new DepartmentTree(departments.tree(tenantId)));
        model.addAttribute("manager", person.managerUserId() == null ? null : name(tenantId, person.managerUserId()));
        model.addAttribute("fields", ProtectedField.values());
        model.addAttribute("revealed", revealed);
        model.addAttribute("access", access);
        model.addAttribute("heldRoles", access == null ? Set.of()
                : access.roles().stream().map(Role::key).collect(Collectors.toSet()));
        model.addAttribute("allRoles", actor.can(Permission.ROLES_MANAGE) ? roles.list(tenantId) : List.of());
        model.addAttribute("canWrite", actor.can(Permission.DIRECTORY_WRITE));
        model.addAttribute("canManageRoles", actor.can(Permission.ROLES_MANAGE));
        model.addAttribute("canManageSessions", actor.can(Permission.SESSIONS_MANAGE));
        model.addAttribute("canReset", actor.can(Permission.PASSWORD_RESET));
        model.addAttribute("sessions", actor.can(Permission.SESSIONS_MANAGE)
                ? sessions.ofUser(tenantId, person.userId(), actor) : List.of());
        model.addAttribute("errors", errors);
        return "directory/user";
    }

    private String name(long tenantId, String userId) {
        try {
            return users.get(tenantId, userId).name();
        } catch (LantauException e) {
            return null;
        }
    }
}
