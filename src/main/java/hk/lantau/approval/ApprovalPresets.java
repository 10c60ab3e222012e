package hk.lantau.approval;

import java.util.List;

/**
 * Ready-made templates an organisation installs: leave, expense reimbursement, salary adjustment,
 * office access permit and cross-border remittance. Both calls need {@code approval.templates}.
 */
public interface ApprovalPresets {

    /** The presets, each with the roles its process routes to and whether the organisation has them. */
    List<ApprovalPreset> list(long tenantId);

    /**
     * Creates a template from the preset (404 {@code approval.preset_not_found} for an unknown key,
     * 409 {@code approval.preset_installed} when a template of that name exists). Roles it routes to
     * that the organisation lacks are created, empty, when the caller may manage roles; otherwise
     * they are named in the answer for an admin to create. Steps that find nobody go to
     * {@code fallbackApproverUserId}, by default the calling person.
     */
    PresetInstallation install(long tenantId, String key, String fallbackApproverUserId);
}
