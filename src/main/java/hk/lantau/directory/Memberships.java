package hk.lantau.directory;

import hk.lantau.shared.CursorPage;
import java.util.List;

/** Who sits in which department. Permission checks are the caller's; self-join rules are here. */
public interface Memberships {

    CursorPage<DepartmentMember> members(long tenantId, long departmentId, String cursor, int limit);

    /**
     * Adds people as leaders or not, at {@code order} among the members (lower first); people already
     * in the department are left as they are.
     */
    MembershipResult add(long tenantId, long departmentId, List<String> userIds, boolean leader, int order);

    /** Removes one person; refused if it is the last real department they belong to. */
    void remove(long tenantId, long departmentId, String userId);

    /**
     * A person adds themselves to a department: only while the organisation allows self-join, and
     * never to a virtual department.
     */
    MembershipResult join(long tenantId, long departmentId, String userId);

    record MembershipResult(List<String> added, List<String> alreadyMembers) {

        public MembershipResult {
            added = List.copyOf(added);
            alreadyMembers = List.copyOf(alreadyMembers);
        }
    }
}
