package hk.lantau.web.directory;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.Departments;
import hk.lantau.directory.Directory;
import hk.lantau.directory.Roles;
import hk.lantau.directory.UserProfile;
import hk.lantau.directory.UserQuery;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.Users;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * People: search, profile, add and change, suspend, mark as left, and the audited reveal of a
 * protected field. Protected values reach the page only masked, except through {@link #reveal}.
 */
@Controller
@RequestMapping("/admin/users")
class UsersPageController {

    static final int PAGE_SIZE = 25;
    static final String[] FORM_FIELDS = {"name", "email", "mobile", "title", "jobNumber", "hireDate",
        "managerUserId", "departmentIds", "workPlace", "remark", "contractEndDate", "hkid", "homeAddress",
        "bankAccount", "emergencyContact", "medicalNotes", "roleKeys"};

    private final Users users;
    private final Departments departments;
    private final Roles roles;
    private final PersonPage personPage;
    private final PageMessages messages;

    UsersPageController(Users users, Departments departments, Roles roles, PersonPage personPage,
                        PageMessages messages) {
        this.users = users;
        this.departments = departments;
        this.roles = roles;
        this.personPage = personPage;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) UserStatus status, @RequestParam(required = false) String cursor,
                Model model) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        String text = q == null || q.isBlank() ? null : q.strip();
        CursorPage<UserProfile> page = users.search(tenantId, new UserQuery(text, departmentId, status, null),
                cursor, PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("status", status);
        model.addAttribute("firstPage", cursor == null);
        model.addAttribute("tree", new DepartmentTree(departments.tree(tenantId)));
        model.addAttribute("statuses", UserStatus.values());
        model.addAttribute("canWrite", CurrentActor.get().can(Permission.DIRECTORY_WRITE));
        return "directory/users";
    }

    @GetMapping("/new")
    String newUser(@RequestParam(required = false) Long departmentId, Model model) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        return form(model, tenantId, null,
                UserForm.empty(departmentId == null ? Directory.ROOT_DEPARTMENT_ID : departmentId), FormErrors.NONE);
    }

    @PostMapping
    String create(@ModelAttribute UserForm form, HttpServletResponse response, Model model) {
        Actor actor = CurrentActor.require(Permission.DIRECTORY_WRITE);
        long tenantId = actor.requireTenant();
        try {
            UserProfile created = users.create(tenantId, form.toNewUser(actor.can(Permission.ROLES_MANAGE)));
            return "redirect:/admin/users/" + created.userId() + "?done=created";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, tenantId, null, form, FormErrors.of(e, messages, FORM_FIELDS));
        }
    }

    @GetMapping("/{userId}")
    String profile(@PathVariable String userId, @RequestParam(required = false) String done, Model model) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        model.addAttribute("done", done);
        return profile(model, tenantId, users.get(tenantId, userId), Map.of(), FormErrors.NONE);
    }

    @GetMapping("/{userId}/edit")
    String edit(@PathVariable String userId, Model model) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        UserProfile person = users.get(tenantId, userId);
        return form(model, tenantId, person, UserForm.of(person), FormErrors.NONE);
    }

    @PostMapping("/{userId}")
    String change(@PathVariable String userId, @ModelAttribute UserForm form, HttpServletResponse response,
                  Model model) {
        Actor actor = CurrentActor.require(Permission.DIRECTORY_WRITE);
        long tenantId = actor.requireTenant();
        UserProfile person = users.get(tenantId, userId);
        try {
            users.change(tenantId, userId, form.toChange(actor.can(Permission.MEMBERSHIP_MANAGE)));
            return "redirect:/admin/users/" + userId + "?done=saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, tenantId, person, form, FormErrors.of(e, messages, FORM_FIELDS));
        }
    }

    @PostMapping("/{userId}/suspend")
    String suspend(@PathVariable String userId, HttpServletResponse response, Model model) {
        return changeStatus(userId, "suspended", response, model);
    }

    @PostMapping("/{userId}/reactivate")
    String reactivate(@PathVariable String userId, HttpServletResponse response, Model model) {
        return changeStatus(userId, "reactivated", response, model);
    }

    @PostMapping("/{userId}/leave")
    String leave(@PathVariable String userId, HttpServletResponse response, Model model) {
        return changeStatus(userId, "left", response, model);
    }

    @PostMapping("/{userId}/roles")
    String assignRoles(@PathVariable String userId, @RequestParam(required = false) List<String> roleKeys,
                       HttpServletResponse response, Model model) {
        long tenantId = CurrentActor.require(Permission.ROLES_MANAGE).requireTenant();
        try {
            roles.assign(tenantId, userId, roleKeys == null ? List.of() : roleKeys);
            return "redirect:/admin/users/" + userId + "?done=roles#access";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return profile(model, tenantId, users.get(tenantId, userId), Map.of(), FormErrors.of(e, messages));
        }
    }

    /**
     * The audited way to see a protected value. htmx swaps the answer into the row; without
     * JavaScript the profile is shown again with the value in place. Never cached.
     */
    @PostMapping("/{userId}/reveal/{field}")
    String reveal(@PathVariable String userId, @PathVariable String field,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
                  Model model) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        ProtectedField protectedField = Arrays.stream(ProtectedField.values()).filter(f -> f.key().equals(field))
                .findFirst().orElseThrow(() -> LantauException.notFound("directory.field_unknown",
                        "There is no such protected field."));
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        String value;
        try {
            value = users.reveal(tenantId, userId, protectedField);
        } catch (LantauException e) {
            if (htmx == null || e.status() != HttpStatus.FORBIDDEN) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("error", messages.problem(e));
            return "directory/user :: reveal-refused";
        }
        if (htmx != null) {
            model.addAttribute("field", protectedField);
            model.addAttribute("value", value);
            return "directory/user :: revealed";
        }
        return profile(model, tenantId, users.get(tenantId, userId),
                value == null ? Map.of() : Map.of(protectedField, value), FormErrors.NONE);
    }

    private String changeStatus(String userId, String done, HttpServletResponse response, Model model) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        try {
            switch (done) {
                case "suspended" -> users.suspend(tenantId, userId);
                case "reactivated" -> users.reactivate(tenantId, userId);
                default -> users.leave(tenantId, userId);
            }
            return "redirect:/admin/users/" + userId + "?done=" + done;
        } catch (LantauException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            return profile(model, tenantId, users.get(tenantId, userId), Map.of(), FormErrors.of(e, messages));
        }
    }

    private String profile(Model model, long tenantId, UserProfile person, Map<ProtectedField, String> revealed,
                           FormErrors errors) {
        return personPage.render(model, tenantId, person, revealed, errors);
    }

    private String form(Model model, long tenantId, UserProfile person, UserForm form, FormErrors errors) {
        Actor actor = CurrentActor.get();
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("tree", new DepartmentTree(departments.tree(tenantId)));
        model.addAttribute("fields", ProtectedField.values());
        model.addAttribute("roles", actor.can(Permission.ROLES_MANAGE) && person == null ? roles.list(tenantId)
                : List.of());
        model.addAttribute("canChangeDepartments", person == null || actor.can(Permission.MEMBERSHIP_MANAGE));
        return "directory/user-form";
    }
}
