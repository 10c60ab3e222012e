package hk.lantau.web.admin;

import hk.lantau.directory.Roles;
import hk.lantau.identity.SecuritySettings;
import hk.lantau.identity.SecuritySettingsChange;
import hk.lantau.identity.SecuritySettingsService;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's sign-in policy: which roles need two-step sign-in, lockout and idle timeout. */
@Controller
@RequestMapping("/admin/security")
class SecurityPageController {

    private static final String[] FIELDS = {"mfaRequiredRoles", "lockoutThreshold", "lockoutMinutes",
        "sessionIdleTimeoutMinutes"};

    private final SecuritySettingsService settings;
    private final Roles roles;
    private final PageMessages messages;

    SecurityPageController(SecuritySettingsService settings, Roles roles, PageMessages messages) {
        this.settings = settings;
        this.roles = roles;
        this.messages = messages;
    }

    @GetMapping
    String show(@RequestParam(required = false) String done, Model model) {
        long tenantId = CurrentActor.require(Permission.SECURITY_SETTINGS).requireTenant();
        SecuritySettings current = settings.of(tenantId);
        model.addAttribute("saved", "saved".equals(done));
        return page(model, tenantId, new SecurityForm(current.mfaRequiredRoles(),
                String.valueOf(current.lockoutThreshold()), String.valueOf(current.lockoutMinutes()),
                String.valueOf(current.sessionIdleTimeoutMinutes())), FormErrors.NONE);
    }

    @PostMapping
    String save(@RequestParam(required = false) List<String> mfaRequiredRoles,
                @RequestParam(defaultValue = "") String lockoutThreshold,
                @RequestParam(defaultValue = "") String lockoutMinutes,
                @RequestParam(defaultValue = "") String sessionIdleTimeoutMinutes,
                HttpServletResponse response, Model model) {
        long tenantId = CurrentActor.require(Permission.SECURITY_SETTINGS).requireTenant();
        var form = new SecurityForm(mfaRequiredRoles, lockoutThreshold, lockoutMinutes, sessionIdleTimeoutMinutes);
        try {
            settings.change(tenantId, new SecuritySettingsChange(form.mfaRequiredRoles(),
                    number("lockoutThreshold", lockoutThreshold), number("lockoutMinutes", lockoutMinutes),
                    number("sessionIdleTimeoutMinutes", sessionIdleTimeoutMinutes)));
            return "redirect:/admin/security?done=saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, form, FormErrors.of(e, messages, FIELDS));
        }
    }

    private String page(Model model, long tenantId, SecurityForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("roles", roles.list(tenantId));
        model.addAttribute("errors", errors);
        model.addAttribute("limits", new Limits());
        return "admin/security";
    }

    private static Integer number(String field, String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw LantauException.invalidField(field, "web.number_invalid", "Enter a whole number.");
        }
    }

    /** The form as typed; numbers stay text so a typing mistake can be shown back. */
    record SecurityForm(List<String> mfaRequiredRoles, String lockoutThreshold, String lockoutMinutes,
                        String sessionIdleTimeoutMinutes) {

        SecurityForm {
            mfaRequiredRoles = mfaRequiredRoles == null ? List.of() : List.copyOf(mfaRequiredRoles);
        }

        public boolean requires(String role) {
            return mfaRequiredRoles.contains(role);
        }
    }

    /** The allowed ranges, for the form's hints and input limits. */
    record Limits() {

        public int minThreshold() {
            return SecuritySettings.MIN_THRESHOLD;
        }

        public int maxThreshold() {
            return SecuritySettings.MAX_THRESHOLD;
        }

        public int minLockout() {
            return SecuritySettings.MIN_LOCKOUT_MINUTES;
        }

        public int maxLockout() {
            return SecuritySettings.MAX_LOCKOUT_MINUTES;
        }

        public int minIdle() {
            return SecuritySettings.MIN_IDLE_MINUTES;
        }

        public int maxIdle() {
            return SecuritySettings.MAX_IDLE_MINUTES;
        }
    }
}
