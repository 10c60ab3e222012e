package hk.lantau.approval.web;

import hk.lantau.approval.ApprovalPreset;
import hk.lantau.approval.ApprovalPresets;
import hk.lantau.approval.PresetInstallation;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approval-presets")
@Tag(name = "Approval presets", description = "Ready-made approval templates to install; every call needs "
        + "approval.templates")
class ApprovalPresetController {

    private final ApprovalPresets presets;

    ApprovalPresetController(ApprovalPresets presets) {
        this.presets = presets;
    }

    @RequiresScope(Scope.APPROVAL_TEMPLATE)
    @GetMapping
    @Operation(summary = "The presets, with the roles each routes to and whether the organisation has them")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    List<ApprovalPreset> list() {
        return presets.list(CurrentActor.get().requireTenant());
    }

    @RequiresScope(Scope.APPROVAL_TEMPLATE)
    @PostMapping("/{key}/install")
    @Operation(summary = "Create a template from a preset",
            description = "Missing roles are created (empty) when the caller holds roles.manage, else listed in "
                    + "rolesMissing. Steps that find nobody go to fallbackApproverUserId, by default the calling "
                    + "person (apps must name one). 409 approval.preset_installed when a template of the preset's "
                    + "name exists.")
    @ApiResponse(responseCode = "201", description = "The template made, and the roles created or missing")
    @ApiResponse(responseCode = "400", description = "approval.preset_fallback_required")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    @ApiResponse(responseCode = "404", description = "approval.preset_not_found")
    @ApiResponse(responseCode = "409", description = "approval.preset_installed")
    ResponseEntity<PresetInstallation> install(@PathVariable String key,
                                               @Valid @RequestBody(required = false) InstallRequest request) {
        PresetInstallation installed = presets.install(CurrentActor.get().requireTenant(), key,
                request == null ? null : request.fallbackApproverUserId());
        return ResponseEntity.status(HttpStatus.CREATED).body(installed);
    }

    record InstallRequest(@Size(max = 64) String fallbackApproverUserId) {
    }
}
