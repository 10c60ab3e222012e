package hk.lantau.web.attendance;

import hk.lantau.attendance.AttendanceGroup;
import hk.lantau.attendance.AttendanceGroups;
import hk.lantau.attendance.OutsidePolicy;
import hk.lantau.attendance.Place;
import hk.lantau.attendance.Places;
import hk.lantau.attendance.Shift;
import hk.lantau.attendance.Shifts;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.Departments;
import hk.lantau.shared.LantauException;
import hk.lantau.web.directory.DepartmentTree;
import hk.lantau.web.shell.Colleagues;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Attendance groups: the list, and a form naming the shift, the places, the members by person or
 * department (the same pickers as the approval editor: active colleagues, and the department tree)
 * and what happens outside the places.
 */
@Controller
@RequestMapping("/admin/attendance/groups")
class AdminGroupsPageController {

    private static final String[] FIELDS = {"name", "shiftId", "outsidePolicy", "accuracyLimitMeters", "placeIds",
        "userIds", "departmentIds"};

    private final AttendanceGroups groups;
    private final Shifts shifts;
    private final Places places;
    private final Departments departments;
    private final Audiences audiences;
    private final Colleagues colleagues;
    private final PageMessages messages;

    AdminGroupsPageController(AttendanceGroups groups, Shifts shifts, Places places, Departments departments,
                              Audiences audiences, Colleagues colleagues, PageMessages messages) {
        this.groups = groups;
        this.shifts = shifts;
        this.places = places;
        this.departments = departments;
        this.audiences = audiences;
        this.colleagues = colleagues;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String done, Model model) {
        long tenantId = AdminAccess.manager();
        model.addAttribute("groups", groups.list(tenantId));
        model.addAttribute("shiftNames", shifts.list(tenantId).stream()
                .collect(Collectors.toMap(Shift::id, Shift::name)));
        model.addAttribute("placeNames", places.list(tenantId).stream()
                .collect(Collectors.toMap(Place::id, Place::name)));
        model.addAttribute("done", done);
        return "attendance/admin-groups";
    }

    @GetMapping("/new")
    String newGroup(Model model) {
        long tenantId = AdminAccess.manager();
        return form(model, tenantId, null, GroupForm.empty(), FormErrors.NONE);
    }

    @PostMapping
    String create(@ModelAttribute GroupForm form, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            groups.create(tenantId, form.toDefinition());
            return "redirect:/admin/attendance/groups?done=created";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, tenantId, null, form, FormErrors.onLists(e, messages, FIELDS));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        long tenantId = AdminAccess.manager();
        AttendanceGroup group = groups.get(tenantId, id);
        return form(model, tenantId, group, GroupForm.of(group), FormErrors.NONE);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute GroupForm form, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        AttendanceGroup group = groups.get(tenantId, id);
        try {
            groups.update(tenantId, id, form.toDefinition());
            return "redirect:/admin/attendance/groups?done=saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, tenantId, group, form, FormErrors.onLists(e, messages, FIELDS));
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id) {
        long tenantId = AdminAccess.manager();
        groups.delete(tenantId, id);
        return "redirect:/admin/attendance/groups?done=deleted";
    }

    private String form(Model model, long tenantId, AttendanceGroup group, GroupForm form, FormErrors errors) {
        model.addAttribute("group", group);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("shifts", shifts.list(tenantId));
        model.addAttribute("places", places.list(tenantId));
        model.addAttribute("policies", OutsidePolicy.values());
        model.addAttribute("people", people(tenantId, form.userIds()));
        model.addAttribute("departments", new DepartmentTree(departments.tree(tenantId)).options());
        return "attendance/admin-group";
    }

    /** Whom the picker offers, by userid: the members already chosen, then the person and every active colleague. */
    private Map<String, String> people(long tenantId, List<String> chosen) {
        Person me = Person.current();
        Map<String, String> people = new LinkedHashMap<>();
        audiences.summaries(tenantId, chosen).values().forEach(p -> people.put(p.userId(), p.name()));
        chosen.forEach(id -> people.putIfAbsent(id, id));
        List<Map.Entry<String, String>> others = new ArrayList<>();
        others.add(Map.entry(me.userId(), me.name()));
        colleagues.of(me, null).forEach(p -> others.add(Map.entry(p.userId(), p.name())));
        others.forEach(e -> people.putIfAbsent(e.getKey(), e.getValue()));
        return people;
    }
}
