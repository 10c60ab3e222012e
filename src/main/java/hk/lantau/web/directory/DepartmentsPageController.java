package hk.lantau.web.directory;

import hk.lantau.directory.Department;
import hk.lantau.directory.DepartmentChange;
import hk.lantau.directory.DepartmentNode;
import hk.lantau.directory.Departments;
import hk.lantau.directory.Directory;
import hk.lantau.directory.Memberships;
import hk.lantau.directory.NewDepartment;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The department tree: browse it, and (with directory.write) add, rename, move and delete
 * departments. A refused change shows the directory's message next to the form that caused it.
 */
@Controller
@RequestMapping("/admin/departments")
class DepartmentsPageController {

    static final int MEMBERS_SHOWN = 50;

    private final Departments departments;
    private final Memberships memberships;
    private final PageMessages messages;

    DepartmentsPageController(Departments departments, Memberships memberships, PageMessages messages) {
        this.departments = departments;
        this.memberships = memberships;
        this.messages = messages;
    }

    @GetMapping
    String show(@RequestParam(required = false) Long id, @RequestParam(required = false) String done, Model model) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        model.addAttribute("done", done);
        return page(model, tenantId, id == null ? Directory.ROOT_DEPARTMENT_ID : id, Failed.NONE);
    }

    @PostMapping
    String create(@RequestParam long parentId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "false") boolean virtual, HttpServletResponse response, Model model) {
        long tenantId = writer();
        try {
            Department created = departments.create(tenantId, new NewDepartment(name, parentId, null, virtual));
            return "redirect:/admin/departments?id=" + created.id() + "&done=created";
        } catch (LantauException e) {
            return refused(e, "create", name, parentId, tenantId, response, model);
        }
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, HttpServletResponse response,
                  Model model) {
        long tenantId = writer();
        try {
            departments.change(tenantId, id, new DepartmentChange(name, null, null));
            return "redirect:/admin/departments?id=" + id + "&done=renamed";
        } catch (LantauException e) {
            return refused(e, "rename", name, id, tenantId, response, model);
        }
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam long parentId, HttpServletResponse response, Model model) {
        long tenantId = writer();
        try {
            departments.change(tenantId, id, new DepartmentChange(null, parentId, null));
            return "redirect:/admin/departments?id=" + id + "&done=moved";
        } catch (LantauException e) {
            return refused(e, "move", null, id, tenantId, response, model);
        }
    }

    /** Deletes an empty department, or dissolves a virtual one (its members keep their real departments). */
    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, HttpServletResponse response, Model model) {
        long tenantId = writer();
        try {
            Department department = departments.get(tenantId, id);
            if (department.virtual()) {
                departments.dissolve(tenantId, id);
            } else {
                departments.delete(tenantId, id);
            }
            long parent = department.parentId() == null ? Directory.ROOT_DEPARTMENT_ID : department.parentId();
            return "redirect:/admin/departments?id=" + parent + "&done=deleted";
        } catch (LantauException e) {
            return refused(e, "delete", null, id, tenantId, response, model);
        }
    }

    private String refused(LantauException e, String form, String value, long departmentId, long tenantId,
                           HttpServletResponse response, Model model) {
        if (e.status().value() == 404 && e.code().equals("directory.department_not_found")) {
            throw e;
        }
        response.setStatus(e.status().value());
        return page(model, tenantId, departmentId, new Failed(form, value, FormErrors.of(e, messages, "name", "parentId")));
    }

    private String page(Model model, long tenantId, long id, Failed failed) {
        Actor actor = CurrentActor.get();
        DepartmentTree tree = new DepartmentTree(departments.tree(tenantId));
        DepartmentNode selected = tree.find(id).orElseThrow(
                () -> LantauException.notFound("directory.department_not_found", "No such department."));
        Department department = selected.department();
        model.addAttribute("tree", tree);
        model.addAttribute("selected", department);
        model.addAttribute("children", selected.children());
        model.addAttribute("open", tree.openFor(id));
        model.addAttribute("path", tree.path(id));
        model.addAttribute("memberCount", departments.memberCount(tenantId, id));
        model.addAttribute("members", memberships.members(tenantId, id, null, MEMBERS_SHOWN));
        model.addAttribute("moveTargets", tree.options(id));
        model.addAttribute("canWrite", actor.can(Permission.DIRECTORY_WRITE));
        model.addAttribute("failed", failed);
        return "directory/departments";
    }

    private static long writer() {
        return CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
    }

    /** Which form on the page was refused, what was typed into it, and why. */
    record Failed(String form, String value, FormErrors errors) {

        static final Failed NONE = new Failed("", null, FormErrors.NONE);

        public FormErrors errorsOf(String name) {
            return form.equals(name) ? errors : FormErrors.NONE;
        }
    }
}
