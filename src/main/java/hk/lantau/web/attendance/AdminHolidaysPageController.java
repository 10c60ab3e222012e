package hk.lantau.web.attendance;

import hk.lantau.attendance.Holidays;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Shell;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The holiday calendar a year at a time: adding and removing days, and importing an iCalendar file. */
@Controller
@RequestMapping("/admin/attendance/holidays")
class AdminHolidaysPageController {

    private final Holidays holidays;
    private final PageMessages messages;
    private final Clock clock;

    AdminHolidaysPageController(Holidays holidays, PageMessages messages, Clock clock) {
        this.holidays = holidays;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String done,
                @ModelAttribute("shell") Shell shell, Model model) {
        long tenantId = AdminAccess.manager();
        model.addAttribute("done", done);
        return page(model, tenantId, year == null ? thisYear(shell) : year, "", "", FormErrors.NONE, null);
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String name,
               @ModelAttribute("shell") Shell shell, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            LocalDate day = parse(date);
            holidays.add(tenantId, day, name);
            return "redirect:/admin/attendance/holidays?year=" + day.getYear() + "&done=holiday_added";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, yearOf(date, shell), date, name,
                    FormErrors.of(e, messages, "date", "name"), null);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) Integer year) {
        long tenantId = AdminAccess.manager();
        holidays.delete(tenantId, id);
        return "redirect:/admin/attendance/holidays?done=holiday_deleted" + (year == null ? "" : "&year=" + year);
    }

    @PostMapping("/import")
    String importCalendar(@RequestParam(required = false) MultipartFile file, @ModelAttribute("shell") Shell shell,
                          HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            Holidays.HolidayImport result = holidays.importCalendar(tenantId,
                    Uploads.text(file, "file", "attendance.calendar_invalid"));
            int year = result.added().isEmpty() ? thisYear(shell) : result.added().get(0).date().getYear();
            return page(model, tenantId, year, "", "", FormErrors.NONE, result);
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, thisYear(shell), "", "", FormErrors.general(messages.problem(e)), null);
        }
    }

    private String page(Model model, long tenantId, int year, String date, String name, FormErrors errors,
                        Holidays.HolidayImport imported) {
        model.addAttribute("year", year);
        model.addAttribute("holidays", holidays.list(tenantId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        model.addAttribute("date", date);
        model.addAttribute("name", name);
        model.addAttribute("errors", errors);
        model.addAttribute("imported", imported);
        return "attendance/admin-holidays";
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw LantauException.invalidField("date", "attendance.date_invalid", "Give the date as yyyy-MM-dd.");
        }
    }

    private int yearOf(String date, Shell shell) {
        try {
            return LocalDate.parse(date.strip()).getYear();
        } catch (DateTimeParseException e) {
            return thisYear(shell);
        }
    }

    private int thisYear(Shell shell) {
        return clock.instant().atZone(shell.zone()).getYear();
    }
}
