package hk.lantau.directory;

import hk.lantau.shared.Permission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A named set of permissions. Built-in roles come from the templates and cannot be changed. */
public record Role(String key, String name, boolean builtIn, Set<Permission> permissions) {

    public Role {
        permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }
}
