package hk.lantau.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * Approved leave and overtime, taken from the approval module when an approval of a leave or
 * overtime template completes agreed. Withdrawn, terminated and refused approvals never count.
 */
public interface ApprovedTime {

    /** Needs {@code attendance.read}. */
    LeaveSettings settings(long tenantId);

    /**
     * Needs {@code attendance.manage}. The templates must exist and the fields be of the right
     * kinds in their latest versions; approvals that finish from then on follow the new settings.
     */
    LeaveSettings change(long tenantId, LeaveSettings settings);

    /**
     * A person's leave and overtime touching the work dates from {@code from} to {@code to}, both
     * included (at most 62 days). Needs {@code attendance.read}, or is the calling person's own.
     */
    List<ApprovedPeriod> periods(long tenantId, String userId, LocalDate from, LocalDate to);
}
