package hk.lantau.directory;

import hk.lantau.shared.Permission;
import java.util.List;

/** Roles and role grants of one organisation. */
public interface Roles {

    /** The permissions an organisation's roles may contain (operator permissions are not among them). */
    List<Permission> catalogue();

    List<Role> list(long tenantId);

    Role get(long tenantId, String key);

    Role create(long tenantId, NewRole role);

    Role change(long tenantId, String key, RoleChange change);

    /** Deletes a custom role that nobody holds. */
    void delete(long tenantId, String key);

    UserAccess access(long tenantId, String userId);

    /** Replaces the roles a person holds; refuses to leave the organisation without an admin. */
    UserAccess assign(long tenantId, String userId, List<String> roleKeys);
}
