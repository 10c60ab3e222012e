package hk.lantau.web.attendance;

import hk.lantau.attendance.AttendanceExports;
import hk.lantau.attendance.PayrollCode;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.PersonSummary;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.Colleagues;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The codes a payroll provider knows people by: the list, setting one, removing one, and a CSV import. */
@Controller
@RequestMapping("/admin/attendance/payroll-codes")
class AdminPayrollCodesPageController {

    private final AttendanceExports exports;
    private final Audiences audiences;
    private final Colleagues colleagues;
    private final PageMessages messages;

    AdminPayrollCodesPageController(AttendanceExports exports, Audiences audiences, Colleagues colleagues,
                                    PageMessages messages) {
        this.exports = exports;
        this.audiences = audiences;
        this.colleagues = colleagues;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String done, @RequestParam(required = false) Integer imported,
                Model model) {
        long tenantId = AdminAccess.manager();
        model.addAttribute("done", done);
        model.addAttribute("imported", imported);
        return page(model, tenantId, "", "", FormErrors.NONE, List.of());
    }

    @PostMapping
    String set(@RequestParam(defaultValue = "") String userId, @RequestParam(defaultValue = "") String payrollCode,
               HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            exports.setPayrollCode(tenantId, userId.strip(), payrollCode);
            return "redirect:/admin/attendance/payroll-codes?done=code_saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, userId, payrollCode, FormErrors.of(e, messages, "userId", "payrollCode"),
                    List.of());
        }
    }

    @PostMapping("/delete")
    String delete(@RequestParam String userId) {
        long tenantId = AdminAccess.manager();
        exports.deletePayrollCode(tenantId, userId);
        return "redirect:/admin/attendance/payroll-codes?done=code_deleted";
    }

    @PostMapping("/import")
    String importCodes(@RequestParam(required = false) MultipartFile file, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            int count = exports.importPayrollCodes(tenantId,
                    Uploads.text(file, "file", "attendance.payroll_import_invalid"));
            return "redirect:/admin/attendance/payroll-codes?done=codes_imported&imported=" + count;
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, "", "", FormErrors.general(messages.problem(e)),
                    e.violations().stream().map(v -> v.field() + ": " + v.message()).toList());
        }
    }

    private String page(Model model, long tenantId, String userId, String payrollCode, FormErrors errors,
                        List<String> importProblems) {
        List<PayrollCode> codes = exports.payrollCodes(tenantId);
        Map<String, PersonSummary> people = audiences.summaries(tenantId,
                codes.stream().map(PayrollCode::userId).toList());
        Person me = Person.current();
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put(me.userId(), me.name());
        colleagues.of(me, null).forEach(p -> choices.put(p.userId(), p.name()));
        model.addAttribute("codes", codes);
        model.addAttribute("people", people);
        model.addAttribute("choices", choices);
        model.addAttribute("userId", userId);
        model.addAttribute("payrollCode", payrollCode);
        model.addAttribute("errors", errors);
        model.addAttribute("importProblems", importProblems);
        return "attendance/admin-payroll-codes";
    }
}
