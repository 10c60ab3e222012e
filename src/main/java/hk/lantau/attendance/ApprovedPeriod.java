package hk.lantau.attendance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Leave or overtime a completed, agreed approval granted. {@code id} is DingTalk's
 * {@code approveId}, {@code instanceId} its {@code procInstId}. The period runs from
 * {@code startsAt} up to, not including, {@code endsAt}. Overtime counts on {@code workDate} for
 * {@code hours}; leave has neither.
 */
public record ApprovedPeriod(long id, String instanceId, String userId, Kind kind, String leaveType,
                             Instant startsAt, Instant endsAt, LocalDate workDate, BigDecimal hours) {

    public enum Kind {
        LEAVE, OVERTIME
    }
}
