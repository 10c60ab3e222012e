package hk.lantau.directory.internal;

import hk.lantau.shared.LantauException;
import org.springframework.stereotype.Component;

/** Keeps at least one active administrator, so an organisation cannot lock itself out. */
@Component
class AdminGuard {

    private final RoleRepository roles;

    AdminGuard(RoleRepository roles) {
        this.roles = roles;
    }

    /** Refuses when the person is an administrator and no other active one would remain. */
    void checkCanLoseAdmin(long tenantId, String userId) {
        boolean isAdmin = roles.roleKeysOf(tenantId, userId).contains(RoleTemplates.ADMIN);
        if (isAdmin && roles.otherActiveHolders(tenantId, RoleTemplates.ADMIN, userId) == 0) {
            throw LantauException.conflict("directory.last_admin",
                    "This is the organisation's last active administrator; make someone else administrator first.");
        }
    }
}
