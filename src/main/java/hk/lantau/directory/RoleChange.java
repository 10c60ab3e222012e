package hk.lantau.directory;

import java.util.List;

/** A change of a custom role; {@code null} leaves a value as it is, a list replaces the permissions. */
public record RoleChange(String name, List<String> permissions) {

    public RoleChange {
        permissions = permissions == null ? null : List.copyOf(permissions);
    }
}
