package hk.lantau.web.attendance;

import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.TemplateSummary;
import hk.lantau.attendance.ApprovedTime;
import hk.lantau.attendance.AttendancePolicy;
import hk.lantau.attendance.AttendanceSettings;
import hk.lantau.attendance.SettingsChange;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation's attendance settings: the monitoring notice, how long precise locations are
 * kept, the report-for-duty hours after a weather signal, and which approval templates are leave
 * and overtime. Each part is its own form, so an error in one never loses what is typed in another.
 */
@Controller
@RequestMapping("/admin/attendance/settings")
class AdminSettingsPageController {

    private static final String[] LEAVE_FIELDS = {"leaveProcessCode", "leaveRangeFieldId", "leaveTypeFieldId",
        "overtimeProcessCode", "overtimeRangeFieldId", "overtimeHoursFieldId"};

    private final AttendancePolicy policy;
    private final ApprovedTime approved;
    private final ApprovalTemplates templates;
    private final PageMessages messages;

    AdminSettingsPageController(AttendancePolicy policy, ApprovedTime approved, ApprovalTemplates templates,
                                PageMessages messages) {
        this.policy = policy;
        this.approved = approved;
        this.templates = templates;
        this.messages = messages;
    }

    /** The notice and the two numbers as typed, so a refused form comes back unchanged. */
    record SettingsForm(String noticeText, String retentionDays, String weatherReportHours) {

        static SettingsForm of(AttendanceSettings s) {
            return new SettingsForm(s.noticeText() == null ? "" : s.noticeText(), String.valueOf(s.retentionDays()),
                    String.valueOf(s.weatherReportHours()));
        }
    }

    @GetMapping
    String page(@RequestParam(required = false) String done, Model model) {
        long tenantId = AdminAccess.manager();
        model.addAttribute("done", done);
        AttendanceSettings settings = policy.settings(tenantId);
        return page(model, tenantId, settings, SettingsForm.of(settings), LeaveForm.of(approved.settings(tenantId)),
                FormErrors.NONE);
    }

    @PostMapping("/notice")
    String notice(@RequestParam(defaultValue = "") String noticeText, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        AttendanceSettings before = policy.settings(tenantId);
        try {
            // An empty text is sent as typed: the module refuses it, where null would mean "unchanged".
            AttendanceSettings after = policy.change(tenantId, new SettingsChange(noticeText, null, null));
            String done = after.noticeVersion() != before.noticeVersion() ? "notice_published" : "notice_unchanged";
            return "redirect:/admin/attendance/settings?done=" + done;
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            SettingsForm form = new SettingsForm(noticeText, String.valueOf(before.retentionDays()),
                    String.valueOf(before.weatherReportHours()));
            return page(model, tenantId, before, form, LeaveForm.of(approved.settings(tenantId)),
                    FormErrors.of(e, messages, "noticeText"));
        }
    }

    @PostMapping("/keeping")
    String keeping(@RequestParam(defaultValue = "") String retentionDays,
                   @RequestParam(defaultValue = "") String weatherReportHours,
                   HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            List<FieldViolation> bad = new ArrayList<>();
            Integer days = required(retentionDays, "retentionDays", "attendance.retention_invalid", bad);
            Integer hours = required(weatherReportHours, "weatherReportHours", "attendance.report_hours_invalid", bad);
            if (!bad.isEmpty()) {
                AdminAccess.check(bad.get(0).code(), bad);
            }
            policy.change(tenantId, new SettingsChange(null, days, hours));
            return "redirect:/admin/attendance/settings?done=keeping_saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            AttendanceSettings settings = policy.settings(tenantId);
            SettingsForm form = new SettingsForm(settings.noticeText() == null ? "" : settings.noticeText(),
                    retentionDays, weatherReportHours);
            return page(model, tenantId, settings, form, LeaveForm.of(approved.settings(tenantId)),
                    FormErrors.of(e, messages, "retentionDays", "weatherReportHours"));
        }
    }

    /** Saves, or with {@code action=load} draws the page again with the fields of the templates chosen. */
    @PostMapping("/leave")
    String leave(@ModelAttribute LeaveForm form, @RequestParam(defaultValue = "save") String action,
                 HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        AttendanceSettings settings = policy.settings(tenantId);
        if ("load".equals(action)) {
            form = form.within(ids(tenantId, form.leaveProcessCode()), ids(tenantId, form.overtimeProcessCode()));
            return page(model, tenantId, settings, SettingsForm.of(settings), form, FormErrors.NONE);
        }
        try {
            approved.change(tenantId, form.settings());
            return "redirect:/admin/attendance/settings?done=leave_saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, settings, SettingsForm.of(settings), form,
                    FormErrors.of(e, messages, LEAVE_FIELDS));
        }
    }

    private String page(Model model, long tenantId, AttendanceSettings settings, SettingsForm form, LeaveForm leave,
                        FormErrors errors) {
        List<TemplateSummary> all = templates.list(tenantId, true);
        List<FormComponent> leaveFields = fields(tenantId, leave.leaveProcessCode());
        List<FormComponent> overtimeFields = fields(tenantId, leave.overtimeProcessCode());
        model.addAttribute("settings", settings);
        model.addAttribute("acknowledged", settings.noticeText() == null ? 0 : policy.acknowledgements(tenantId));
        model.addAttribute("form", form);
        model.addAttribute("leave", leave);
        model.addAttribute("templates", all);
        model.addAttribute("leaveUnlisted", unlisted(all, leave.leaveProcessCode()));
        model.addAttribute("overtimeUnlisted", unlisted(all, leave.overtimeProcessCode()));
        model.addAttribute("leaveRanges", only(leaveFields, c -> c.type() == ComponentType.DDDateRangeField));
        model.addAttribute("leaveTypes", only(leaveFields, c -> c.type() == ComponentType.DDSelectField
                || c.type() == ComponentType.TextField));
        model.addAttribute("overtimeRanges", only(overtimeFields, c -> c.type() == ComponentType.DDDateRangeField));
        model.addAttribute("overtimeHours", only(overtimeFields, c -> c.type() == ComponentType.NumberField));
        model.addAttribute("errors", errors);
        return "attendance/admin-settings";
    }

    /** The latest version's components; none when no template is chosen or it cannot be read. */
    private List<FormComponent> fields(long tenantId, String processCode) {
        if (processCode.isEmpty()) {
            return List.of();
        }
        try {
            return templates.get(tenantId, processCode).definition().form();
        } catch (LantauException e) {
            return List.of();
        }
    }

    private Set<String> ids(long tenantId, String processCode) {
        return fields(tenantId, processCode).stream().map(FormComponent::id).collect(Collectors.toSet());
    }

    /** A saved template the list does not offer (disabled, or gone), so the select still shows it. */
    private static String unlisted(List<TemplateSummary> all, String processCode) {
        boolean listed = all.stream().anyMatch(t -> t.processCode().equals(processCode));
        return processCode.isEmpty() || listed ? null : processCode;
    }

    private static List<FormComponent> only(List<FormComponent> fields, Predicate<FormComponent> kind) {
        return fields.stream().filter(kind).toList();
    }

    /** A whole number that must be given; empty or unreadable text is named at its field. */
    private static Integer required(String text, String field, String code, List<FieldViolation> bad) {
        Integer value = AdminAccess.integer(text, field, code, bad);
        if (value == null && (text == null || text.isBlank())) {
            bad.add(new FieldViolation(field, code, "Give a whole number."));
        }
        return value;
    }
}
