package hk.lantau.directory;

import java.util.List;

/** A custom role; permissions are given by key, e.g. {@code directory.read}. */
public record NewRole(String key, String name, List<String> permissions) {

    public NewRole {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
}
