package hk.lantau.identity.web;

import hk.lantau.identity.SecuritySettings;
import hk.lantau.identity.SecuritySettingsChange;
import hk.lantau.identity.SecuritySettingsService;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's organisation's sign-in policy. Needs security.settings. */
@RestController
@PeopleOnly
@RequestMapping("/api/v1/security-settings")
@Tag(name = "Security settings", description = "MFA-required roles, lockout and idle timeout of the organisation")
class SecuritySettingsController {

    private final SecuritySettingsService settings;

    SecuritySettingsController(SecuritySettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "Read the organisation's sign-in policy")
    SettingsView get() {
        return SettingsView.of(settings.of(CurrentActor.require(Permission.SECURITY_SETTINGS).requireTenant()));
    }

    @PatchMapping
    @Operation(summary = "Change the organisation's sign-in policy; omitted fields stay as they are",
            description = "lockoutThreshold 3–20 failures, lockoutMinutes 1–1440, sessionIdleTimeoutMinutes "
                    + "5–10080. Changes are audited and apply to existing sessions within seconds.")
    @ApiResponse(responseCode = "400", description = "identity.security_settings_invalid, with the fields")
    SettingsView change(@RequestBody SettingsRequest body) {
        long tenantId = CurrentActor.require(Permission.SECURITY_SETTINGS).requireTenant();
        return SettingsView.of(settings.change(tenantId, new SecuritySettingsChange(body.mfaRequiredRoles(),
                body.lockoutThreshold(), body.lockoutMinutes(), body.sessionIdleTimeoutMinutes())));
    }

    record SettingsRequest(@Size(max = 50) List<String> mfaRequiredRoles, Integer lockoutThreshold,
                           Integer lockoutMinutes, Integer sessionIdleTimeoutMinutes) {
    }

    record SettingsView(List<String> mfaRequiredRoles, int lockoutThreshold, int lockoutMinutes,
                        int sessionIdleTimeoutMinutes) {

        static SettingsView of(SecuritySettings s) {
            return new SettingsView(s.mfaRequiredRoles(), s.lockoutThreshold(), s.lockoutMinutes(),
                    s.sessionIdleTimeoutMinutes());
        }
    }
}
