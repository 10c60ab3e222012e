package hk.lantau.approval;

import java.util.List;

/** A preset template as the catalogue lists it, with the roles its process routes to. */
public record ApprovalPreset(String key, String name, String description, String groupName, List<PresetRole> roles) {

    public ApprovalPreset {
        roles = List.copyOf(roles);
    }

    /** A role a step routes to; {@code exists} whether the organisation has it. */
    public record PresetRole(String key, String name, boolean exists) {
    }
}
