package hk.lantau.attendance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Approved leave for the daily close, which judges each shift by its overlap with the periods:
 * an on-duty check inside a period, or an off-duty check inside one, is not missing. The shipped
 * implementation reads the leave copied from completed, agreed approvals.
 */
public interface LeaveCalendar {

    /** The leave of each of {@code userIds} overlapping {@code from} to {@code to}. */
    Map<String, List<ApprovedPeriod>> leave(long tenantId, Collection<String> userIds, Instant from, Instant to);
}
