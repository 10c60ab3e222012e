package hk.lantau.attendance;

import java.util.List;
import java.util.Optional;

/**
 * Attendance groups. A person belongs to at most one group: a person named in a group belongs to
 * it; anyone else belongs to the group of the nearest of their departments or the departments
 * above them that a group names (the lowest group id when two departments at the same distance
 * are named by different groups). A person or department is named by one group at a time.
 */
public interface AttendanceGroups {

    List<AttendanceGroup> list(long tenantId);

    AttendanceGroup get(long tenantId, long groupId);

    AttendanceGroup create(long tenantId, GroupDefinition definition);

    AttendanceGroup update(long tenantId, long groupId, GroupDefinition definition);

    void delete(long tenantId, long groupId);

    /** The group a person clocks in under, if any. */
    Optional<AttendanceGroup> groupOf(long tenantId, String userId);
}
