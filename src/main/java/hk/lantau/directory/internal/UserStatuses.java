package hk.lantau.directory.internal;

import hk.lantau.directory.MembershipChanged;
import hk.lantau.directory.RoleRevoked;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.UserStatusChanged;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Suspends, reactivates and marks people as left. Asking for the status a person already has changes
 * nothing; people who left stay left.
 */
@Component
class UserStatuses {

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final RoleRepository roles;
    private final AdminGuard adminGuard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserStatuses(UserRepository users, MembershipRepository memberships, RoleRepository roles, AdminGuard adminGuard,
                 ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.roles = roles;
        this.adminGuard = adminGuard;
        this.events = events;
        this.clock = clock;
    }

    StoredUser suspend(StoredUser user) {
        refuseIfLeft(user);
        if (user.status == UserStatus.SUSPENDED) {
            return user;
        }
        adminGuard.checkCanLoseAdmin(user.tenantId, user.userId);
        return changeStatus(user, UserStatus.SUSPENDED);
    }

    StoredUser reactivate(StoredUser user) {
        refuseIfLeft(user);
        if (user.status == UserStatus.ACTIVE) {
            return user;
        }
        return changeStatus(user, UserStatus.ACTIVE);
    }

    /** Ends the person's memberships and roles and frees their e-mail and mobile for someone new. */
    StoredUser leave(StoredUser user) {
        if (user.status == UserStatus.LEFT) {
            return user;
        }
        adminGuard.checkCanLoseAdmin(user.tenantId, user.userId);
        for (Long departmentId : memberships.departmentsOf(user.tenantId, user.userId)) {
            boolean leader = memberships.isLeader(user.tenantId, departmentId, user.userId);
            memberships.remove(user.tenantId, departmentId, user.userId);
            events.publishEvent(new MembershipChanged(user.tenantId, departmentId, user.userId,
                    MembershipChanged.Change.REMOVED, leader, false));
        }
        List<String> roleKeys = roles.roleKeysOf(user.tenantId, user.userId);
        for (String roleKey : roleKeys) {
            roles.revoke(user.tenantId, user.userId, roleKey);
            events.publishEvent(new RoleRevoked(user.tenantId, user.userId, roleKey));
        }
        StoredUser next = user.copy();
        next.leftAt = clock.instant();
        next.mobileIndex = null;
        return changeStatus(next, UserStatus.LEFT);
    }

    private StoredUser changeStatus(StoredUser user, UserStatus to) {
        StoredUser next = user.copy();
        UserStatus from = next.status;
        next.status = to;
        next.updatedAt = clock.instant();
        users.update(next);
        events.publishEvent(new UserStatusChanged(next.tenantId, next.userId, from, to));
        return next;
    }

    private static void refuseIfLeft(StoredUser user) {
        if (user.status == UserStatus.LEFT) {
            throw LantauException.conflict("directory.user_left", "This person has left the organisation.");
        }
    }
}
