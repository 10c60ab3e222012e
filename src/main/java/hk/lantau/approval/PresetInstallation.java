package hk.lantau.approval;

import java.util.List;

/**
 * A preset installed as a template. {@code rolesCreated} were created (empty: grant them to
 * people); {@code rolesMissing} could not be, as the caller may not manage roles.
 */
public record PresetInstallation(String preset, TemplateView template, List<String> rolesCreated,
                                 List<String> rolesMissing) {

    public PresetInstallation {
        rolesCreated = List.copyOf(rolesCreated);
        rolesMissing = List.copyOf(rolesMissing);
    }
}
