package hk.lantau.messaging.internal.chat;

import hk.lantau.directory.DepartmentDeleted;
import hk.lantau.directory.DepartmentDissolved;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.directory.MembershipChanged;
import hk.lantau.directory.UserErased;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.UserStatusChanged;
import hk.lantau.directory.UserUpdated;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.MemberRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps conversations in step with the directory, in the directory's own transaction: department
 * groups gain and lose members with their department, people who leave the organisation drop out
 * of every group, and renamed people show their new name.
 */
@Component
class DirectoryFollower {

    private static final Logger log = LoggerFactory.getLogger(DirectoryFollower.class);

    private final ConversationRepository conversations;
    private final Membership membership;
    private final Directory directory;
    private final Departures departures;

    DirectoryFollower(ConversationRepository conversations, Membership membership, Directory directory,
                      Departures departures) {
        this.conversations = conversations;
        this.membership = membership;
        this.directory = directory;
        this.departures = departures;
    }

    @EventListener
    void on(MembershipChanged e) {
        Optional<StoredConversation> found = conversations.findByDepartment(e.tenantId(), e.departmentId())
                .flatMap(c -> conversations.lock(c.tenantId(), c.id())).filter(c -> !c.dismissed());
        if (found.isEmpty()) {
            return;
        }
        StoredConversation group = found.get();
        Optional<StoredMember> member = conversations.member(e.tenantId(), group.id(), e.userId());
        if (e.change() == MembershipChanged.Change.ADDED) {
            Optional<DirectoryUser> user = directory.findUser(e.tenantId(), e.userId()).filter(DirectoryUser::active);
            if (member.isPresent() || user.isEmpty()) {
                return;
            }
            if (group.memberCount() >= Conversations.MAX_MEMBERS) {
                log.warn("Department group {} is full; {} was not added", group.id(), e.userId());
                return;
            }
            membership.add(group, List.of(user.get()), null);
        } else if (member.isPresent() && member.get().role() != MemberRole.OWNER) {
            // The owner may run the group without sitting in the department.
            membership.remove(group, member.get(), "removed");
        }
    }

    @EventListener
    void on(UserStatusChanged e) {
        if (e.to() == UserStatus.LEFT) {
            departures.leaveAllGroups(e.tenantId(), e.userId(), null);
        }
    }

    /** The groups' last notice must not name someone whose data is being erased. */
    @EventListener
    void on(UserErased e) {
        departures.leaveAllGroups(e.tenantId(), e.userId(), Departures.ERASED_NAME);
    }

    @EventListener
    void on(UserUpdated e) {
        if (e.changes().get("name") instanceof Map<?, ?> change && change.get("to") instanceof String name) {
            conversations.renameMember(e.tenantId(), e.userId(), name);
        }
    }

    @EventListener
    void on(DepartmentDeleted e) {
        dismissDepartmentGroup(e.tenantId(), e.departmentId());
    }

    @EventListener
    void on(DepartmentDissolved e) {
        dismissDepartmentGroup(e.tenantId(), e.departmentId());
    }

    private void dismissDepartmentGroup(Long tenantId, long departmentId) {
        conversations.findByDepartment(tenantId, departmentId).filter(c -> !c.dismissed())
                .ifPresent(c -> membership.dismiss(conversations.lock(tenantId, c.id()).orElseThrow(), "department_removed"));
    }
}
