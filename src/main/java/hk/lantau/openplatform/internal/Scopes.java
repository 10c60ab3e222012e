package hk.lantau.openplatform.internal;

import hk.lantau.shared.Permission;
import hk.lantau.shared.Scope;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Scope sets as keys and as the permissions an app acts with. */
final class Scopes {

    private Scopes() {
    }

    static List<String> keys(Collection<Scope> scopes) {
        return scopes.stream().map(Scope::key).sorted().toList();
    }

    static Set<Permission> permissions(Collection<Scope> scopes) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        scopes.forEach(scope -> permissions.addAll(scope.permissions()));
        return permissions;
    }
}
