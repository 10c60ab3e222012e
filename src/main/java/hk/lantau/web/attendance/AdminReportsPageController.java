package hk.lantau.web.attendance;

import hk.lantau.attendance.AttendanceReports;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Shell;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Monthly or daily figures per person and per department, from the reports API; needs attendance.read. */
@Controller
@RequestMapping("/admin/attendance/reports")
class AdminReportsPageController {

    private final AttendanceReports reports;
    private final PageMessages messages;
    private final Clock clock;

    AdminReportsPageController(AttendanceReports reports, PageMessages messages, Clock clock) {
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String report(@RequestParam(required = false) String month, @RequestParam(required = false) String date,
                  @RequestParam(defaultValue = "false") boolean includeSubDepartments,
                  @ModelAttribute("shell") Shell shell, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.reader();
        LocalDate today = clock.instant().atZone(shell.zone()).toLocalDate();
        ReportPeriod period = ReportPeriod.of(month, date, today);
        model.addAttribute("includeSubDepartments", includeSubDepartments);
        model.addAttribute("errors", FormErrors.NONE);
        if (period == null) {
            response.setStatus(400);
            model.addAttribute("period", ReportPeriod.of(null, null, today));
            model.addAttribute("errors", FormErrors.general(messages.text("problem.attendance.report_period_invalid")));
            return "attendance/admin-reports";
        }
        model.addAttribute("period", period);
        try {
            model.addAttribute("people", reports.people(tenantId, period.from(), period.to()));
            model.addAttribute("departments", reports.departments(tenantId, period.from(), period.to(),
                    includeSubDepartments));
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            model.addAttribute("errors", FormErrors.of(e, messages));
        }
        return "attendance/admin-reports";
    }
}
