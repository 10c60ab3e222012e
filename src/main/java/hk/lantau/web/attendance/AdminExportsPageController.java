package hk.lantau.web.attendance;

import hk.lantau.attendance.AttendanceExports;
import hk.lantau.attendance.ExportEncoding;
import hk.lantau.attendance.ExportFile;
import hk.lantau.attendance.ExportFormat;
import hk.lantau.attendance.ExportProfile;
import hk.lantau.attendance.ExportRequest;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Shell;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The payroll export: a period, CSV or XLSX and the encoding, downloaded in one click; names the
 * encoding cannot hold are listed cell by cell instead of a file. Below it the export profile
 * (columns, labels, date patterns), which holders of attendance.manage change.
 */
@Controller
@RequestMapping("/admin/attendance/exports")
class AdminExportsPageController {

    private static final String PAGE = "attendance/admin-exports";

    private final AttendanceExports exports;
    private final PageMessages messages;
    private final Clock clock;

    AdminExportsPageController(AttendanceExports exports, PageMessages messages, Clock clock) {
        this.exports = exports;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the export form posts; dates as typed. */
    record ExportForm(String month, String from, String to, ExportFormat format, ExportEncoding encoding) {
    }

    @GetMapping
    String page(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String done,
                @ModelAttribute("shell") Shell shell, Model model) {
        long tenantId = AdminAccess.reader();
        String shown = month == null && from == null ? lastMonth(shell) : month;
        ExportForm form = new ExportForm(shown, from, to, ExportFormat.CSV, ExportEncoding.UTF_8);
        model.addAttribute("done", done);
        return page(model, tenantId, form, FormErrors.NONE, null, null);
    }

    /** Answers the file, or the page again with what stopped it. */
    @PostMapping
    ModelAndView export(@ModelAttribute ExportForm form, HttpServletResponse response, Model model) throws IOException {
        long tenantId = AdminAccess.reader();
        try {
            LocalDate[] period = period(form);
            ExportFile file = exports.export(tenantId, new ExportRequest(period[0], period[1], form.format(),
                    form.encoding()));
            response.setContentType(file.contentType());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(file.fileName()).build().toString());
            response.setContentLength(file.content().length);
            response.getOutputStream().write(file.content());
            return null;
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            boolean unencodable = "attendance.export_unencodable".equals(e.code());
            FormErrors errors = unencodable ? FormErrors.general(messages.problem(e)) : FormErrors.of(e, messages);
            page(model, tenantId, form, errors, unencodable ? e : null, null);
            return new ModelAndView(PAGE, model.asMap());
        }
    }

    @PostMapping("/profile")
    String changeProfile(HttpServletRequest request, @ModelAttribute("shell") Shell shell,
                         HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        ProfileForm form = ProfileForm.from(request, exports.profile(tenantId).catalogue());
        try {
            exports.changeProfile(tenantId, form.toProfile());
            return "redirect:/admin/attendance/exports?done=profile_saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            ExportForm export = new ExportForm(lastMonth(shell), null, null, ExportFormat.CSV, ExportEncoding.UTF_8);
            return page(model, tenantId, export, FormErrors.of(e, messages, "dateFormat", "dateTimeFormat"), null, form);
        }
    }

    private String page(Model model, long tenantId, ExportForm form, FormErrors errors, LantauException unencodable,
                        ProfileForm profileForm) {
        ExportProfile profile = exports.profile(tenantId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("unencodable", unencodable == null ? null : unencodable.violations());
        model.addAttribute("profile", profileForm == null ? ProfileForm.of(profile) : profileForm);
        model.addAttribute("formats", ExportFormat.values());
        model.addAttribute("encodings", ExportEncoding.values());
        model.addAttribute("canManage", AdminAccess.canManage());
        return PAGE;
    }

    private static LocalDate[] period(ExportForm form) {
        try {
            if (form.from() != null && !form.from().isBlank()) {
                LocalDate from = LocalDate.parse(form.from().strip());
                LocalDate to = form.to() == null || form.to().isBlank() ? from : LocalDate.parse(form.to().strip());
                return new LocalDate[] {from, to};
            }
            java.time.YearMonth month = java.time.YearMonth.parse(form.month() == null ? "" : form.month().strip());
            return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
        } catch (DateTimeParseException e) {
            throw LantauException.invalidField("month", "attendance.report_period_invalid",
                    "Name a month, a date, or a range of 1 to 31 days.");
        }
    }

    private String lastMonth(Shell shell) {
        return java.time.YearMonth.from(clock.instant().atZone(shell.zone())).minusMonths(1).toString();
    }
}
