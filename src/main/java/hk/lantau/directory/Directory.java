package hk.lantau.directory;

import hk.lantau.shared.Permission;
import java.util.Optional;
import java.util.Set;

/** What other modules need of the directory. Every method is scoped to one organisation. */
public interface Directory {

    /** The id of every organisation's root department, as in DingTalk. */
    long ROOT_DEPARTMENT_ID = 1L;

    /** Adds a person; validates fields and uniqueness, audits the change. */
    DirectoryUser createUser(long tenantId, NewUser user);

    Optional<DirectoryUser> findUser(long tenantId, String userId);

    /** Finds an active or suspended person by e-mail (case-insensitive). */
    Optional<DirectoryUser> findUserByEmail(long tenantId, String email);

    /** The union of the permissions of all roles the person holds. */
    Set<Permission> effectivePermissions(long tenantId, String userId);

    /** The keys of the roles the person holds, e.g. {@code admin}. */
    Set<String> roleKeys(long tenantId, String userId);
}
