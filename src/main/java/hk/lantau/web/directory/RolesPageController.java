package hk.lantau.web.directory;

import hk.lantau.directory.NewRole;
import hk.lantau.directory.RoleChange;
import hk.lantau.directory.Roles;
import hk.lantau.directory.UserQuery;
import hk.lantau.directory.Users;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Roles: the built-in templates and the organisation's own roles with their permissions, and a
 * look-up of one person's effective permissions.
 */
@Controller
@RequestMapping("/admin/roles")
class RolesPageController {

    static final int PEOPLE_SHOWN = 10;

    private final Roles roles;
    private final Users users;
    private final PageMessages messages;

    RolesPageController(Roles roles, Users users, PageMessages messages) {
        this.roles = roles;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String person, @RequestParam(required = false) String done,
                Model model) {
        long tenantId = manager();
        model.addAttribute("done", done);
        if (person != null && !person.isBlank()) {
            model.addAttribute("people", users.search(tenantId, new UserQuery(person.strip(), null, null, null),
                    null, PEOPLE_SHOWN).items());
        }
        model.addAttribute("person", person == null ? "" : person);
        return page(model, tenantId, new RoleForm("", "", List.of()), null, FormErrors.NONE);
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) List<String> permissions, HttpServletResponse response,
                  Model model) {
        long tenantId = manager();
        RoleForm form = new RoleForm(key, name, permissions);
        try {
            roles.create(tenantId, new NewRole(key.strip(), name.strip(), form.permissions()));
            return "redirect:/admin/roles?done=created#role-" + key.strip();
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            model.addAttribute("person", "");
            return page(model, tenantId, form, null, FormErrors.of(e, messages, "key", "name", "permissions"));
        }
    }

    @PostMapping("/{key}")
    String change(@PathVariable String key, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) List<String> permissions, HttpServletResponse response,
                  Model model) {
        long tenantId = manager();
        try {
            roles.change(tenantId, key, new RoleChange(name.strip(), permissions == null ? List.of() : permissions));
            return "redirect:/admin/roles?done=saved#role-" + key;
        } catch (LantauException e) {
            return refused(e, key, tenantId, response, model);
        }
    }

    @PostMapping("/{key}/delete")
    String delete(@PathVariable String key, HttpServletResponse response, Model model) {
        long tenantId = manager();
        try {
            roles.delete(tenantId, key);
            return "redirect:/admin/roles?done=deleted";
        } catch (LantauException e) {
            return refused(e, key, tenantId, response, model);
        }
    }

    private String refused(LantauException e, String key, long tenantId, HttpServletResponse response, Model model) {
        if (e.status().value() == 404) {
            throw e;
        }
        response.setStatus(e.status().value());
        model.addAttribute("person", "");
        return page(model, tenantId, new RoleForm("", "", List.of()), key, FormErrors.of(e, messages));
    }

    private String page(Model model, long tenantId, RoleForm form, String failedRole, FormErrors errors) {
        model.addAttribute("roles", roles.list(tenantId));
        model.addAttribute("catalogue", roles.catalogue());
        model.addAttribute("form", form);
        model.addAttribute("failedRole", failedRole);
        model.addAttribute("errors", failedRole == null ? errors : FormErrors.NONE);
        model.addAttribute("roleErrors", failedRole == null ? FormErrors.NONE : errors);
        return "directory/roles";
    }

    private static long manager() {
        return CurrentActor.require(Permission.ROLES_MANAGE).requireTenant();
    }

    /** The new-role form as posted; {@code permissions} are keys such as {@code directory.read}. */
    record RoleForm(String key, String name, List<String> permissions) {

        RoleForm {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }

        public boolean has(Permission permission) {
            return permissions.contains(permission.key());
        }
    }
}
