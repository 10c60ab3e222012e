package hk.lantau.web.attendance;

import hk.lantau.attendance.ExportEncoding;
import hk.lantau.attendance.ExportFormat;
import hk.lantau.attendance.PayrollPushes;
import hk.lantau.attendance.SftpDelivery;
import hk.lantau.attendance.SftpDestination;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Payroll SFTP destinations: the list, a form with the pinned host key and the schedule (secrets
 * are sent, never shown), pushing once now, and each destination's delivery log.
 */
@Controller
@RequestMapping("/admin/attendance/sftp")
class AdminSftpPageController {

    private static final String[] FIELDS = {"name", "host", "port", "username", "password", "privateKey",
        "hostKeyFingerprint", "remoteFolder", "fileNamePattern", "schedule", "dayOfMonth", "time", "maxRetries",
        "retryMinutes"};
    private static final int LOG = 50;

    private final PayrollPushes pushes;
    private final PageMessages messages;

    AdminSftpPageController(PayrollPushes pushes, PageMessages messages) {
        this.pushes = pushes;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String done, Model model) {
        long tenantId = AdminAccess.manager();
        model.addAttribute("destinations", pushes.list(tenantId));
        model.addAttribute("done", done);
        return "attendance/admin-sftp";
    }

    @GetMapping("/new")
    String newDestination(Model model) {
        AdminAccess.manager();
        return page(model, 0, null, SftpForm.empty(), FormErrors.NONE);
    }

    @PostMapping
    String create(@ModelAttribute SftpForm form, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            SftpDestination created = pushes.create(tenantId, form.toDefinition());
            return "redirect:/admin/attendance/sftp/" + created.id() + "?done=created";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, null, form.withoutSecrets(), errors(e));
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
        long tenantId = AdminAccess.manager();
        SftpDestination destination = pushes.get(tenantId, id);
        model.addAttribute("done", done);
        return page(model, tenantId, destination, SftpForm.of(destination), FormErrors.NONE);
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @ModelAttribute SftpForm form, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        SftpDestination destination = pushes.get(tenantId, id);
        try {
            pushes.change(tenantId, id, form.toDefinition());
            return "redirect:/admin/attendance/sftp/" + id + "?done=saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, destination, form.withoutSecrets(), errors(e));
        }
    }

    @PostMapping("/{id}/push")
    String push(@PathVariable long id) {
        long tenantId = AdminAccess.manager();
        SftpDelivery delivery = pushes.pushNow(tenantId, id, null, null);
        return "redirect:/admin/attendance/sftp/" + id + "?done="
                + ("DELIVERED".equals(delivery.outcome()) ? "pushed" : "push_failed");
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id) {
        long tenantId = AdminAccess.manager();
        pushes.delete(tenantId, id);
        return "redirect:/admin/attendance/sftp?done=deleted";
    }

    private String page(Model model, long tenantId, SftpDestination destination, SftpForm form, FormErrors errors) {
        model.addAttribute("destination", destination);
        model.addAttribute("deliveries", destination == null ? List.of()
                : pushes.deliveries(tenantId, destination.id(), LOG));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formats", ExportFormat.values());
        model.addAttribute("encodings", ExportEncoding.values());
        return "attendance/admin-sftp-destination";
    }

    /** The module names every field with one code; each field's own text is looked up under the code and field. */
    private FormErrors errors(LantauException e) {
        List<FieldViolation> named = e.violations().stream()
                .map(v -> new FieldViolation(v.field(), v.code() + "." + v.field(), v.message())).toList();
        return FormErrors.of(new LantauException(e.status(), e.code(), e.getMessage(), named), messages, FIELDS);
    }
}
