package hk.lantau.directory;

import hk.lantau.shared.Permission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The roles a person holds and the union of their permissions. */
public record UserAccess(String userId, List<Role> roles, Set<Permission> permissions) {

    public UserAccess {
        roles = List.copyOf(roles);
        permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }
}
