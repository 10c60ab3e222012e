package hk.lantau.compat.internal.events;

import hk.lantau.directory.DepartmentCreated;
import hk.lantau.directory.DepartmentDeleted;
import hk.lantau.directory.DepartmentDissolved;
import hk.lantau.directory.DepartmentMoved;
import hk.lantau.directory.DepartmentRenamed;
import hk.lantau.directory.DepartmentReordered;
import hk.lantau.directory.MembershipChanged;
import hk.lantau.directory.UserCreated;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.UserStatusChanged;
import hk.lantau.directory.UserUpdated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The directory's events as DingTalk's contact events. One change of the directory publishes
 * several records (an update with new departments, a person leaving and their memberships ending);
 * DingTalk reports one event per person or department, so {@link ContactChanges} gathers them for
 * the transaction and raises the strongest before it commits.
 */
@Component
class ContactEventTranslation {

    private final ContactChanges changes;

    ContactEventTranslation(ContactChanges changes) {
        this.changes = changes;
    }

    @EventListener
    void on(UserCreated e) {
        changes.user(e.tenantId(), e.userId(), ContactEvent.USER_ADD);
    }

    @EventListener
    void on(UserUpdated e) {
        changes.user(e.tenantId(), e.userId(), ContactEvent.USER_MODIFY);
    }

    @EventListener
    void on(MembershipChanged e) {
        changes.user(e.tenantId(), e.userId(), ContactEvent.USER_MODIFY);
    }

    /** Leaving is DingTalk's leave, a suspended person let back in its activation, a suspension a change. */
    @EventListener
    void on(UserStatusChanged e) {
        ContactEvent type = e.to() == UserStatus.LEFT ? ContactEvent.USER_LEAVE
                : e.to() == UserStatus.ACTIVE ? ContactEvent.USER_ACTIVE : ContactEvent.USER_MODIFY;
        changes.user(e.tenantId(), e.userId(), type);
    }

    @EventListener
    void on(DepartmentCreated e) {
        changes.department(e.tenantId(), e.departmentId(), ContactEvent.DEPT_CREATE);
    }

    @EventListener
    void on(DepartmentRenamed e) {
        changes.department(e.tenantId(), e.departmentId(), ContactEvent.DEPT_MODIFY);
    }

    @EventListener
    void on(DepartmentMoved e) {
        changes.department(e.tenantId(), e.departmentId(), ContactEvent.DEPT_MODIFY);
    }

    @EventListener
    void on(DepartmentReordered e) {
        changes.department(e.tenantId(), e.departmentId(), ContactEvent.DEPT_MODIFY);
    }

    @EventListener
    void on(DepartmentDeleted e) {
        changes.department(e.tenantId(), e.departmentId(), ContactEvent.DEPT_REMOVE);
    }

    @EventListener
    void on(DepartmentDissolved e) {
        changes.department(e.tenantId(), e.departmentId(), ContactEvent.DEPT_REMOVE);
    }
}
