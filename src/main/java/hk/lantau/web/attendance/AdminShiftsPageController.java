package hk.lantau.web.attendance;

import hk.lantau.attendance.Shift;
import hk.lantau.attendance.Shifts;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Shifts: the list, and a form for on and off times, lateness thresholds and working days. */
@Controller
@RequestMapping("/admin/attendance/shifts")
class AdminShiftsPageController {

    private static final String[] FIELDS = {"name", "onTime", "offTime", "flexibleMinutes", "seriousLateMinutes",
        "absentLateMinutes", "workingDays"};

    private final Shifts shifts;
    private final PageMessages messages;

    AdminShiftsPageController(Shifts shifts, PageMessages messages) {
        this.shifts = shifts;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String done, Model model) {
        long tenantId = AdminAccess.manager();
        model.addAttribute("shifts", shifts.list(tenantId));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("done", done);
        return "attendance/admin-shifts";
    }

    @GetMapping("/new")
    String newShift(Model model) {
        AdminAccess.manager();
        return form(model, null, ShiftForm.empty(), FormErrors.NONE);
    }

    @PostMapping
    String create(@ModelAttribute ShiftForm form, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            shifts.create(tenantId, form.toDefinition());
            return "redirect:/admin/attendance/shifts?done=created";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, null, form, FormErrors.onLists(e, messages, FIELDS));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Shift shift = shifts.get(AdminAccess.manager(), id);
        return form(model, shift, ShiftForm.of(shift), FormErrors.NONE);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute ShiftForm form, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        Shift shift = shifts.get(tenantId, id);
        try {
            shifts.update(tenantId, id, form.toDefinition());
            return "redirect:/admin/attendance/shifts?done=saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, shift, form, FormErrors.onLists(e, messages, FIELDS));
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        Shift shift = shifts.get(tenantId, id);
        try {
            shifts.delete(tenantId, id);
            return "redirect:/admin/attendance/shifts?done=deleted";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, shift, ShiftForm.of(shift), FormErrors.of(e, messages));
        }
    }

    private static String form(Model model, Shift shift, ShiftForm form, FormErrors errors) {
        model.addAttribute("shift", shift);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("days", DayOfWeek.values());
        return "attendance/admin-shift";
    }
}
