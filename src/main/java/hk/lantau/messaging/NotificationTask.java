package hk.lantau.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A sent work notification as its sender sees it: how many userids it named, the departments it
 * was for (those that exist; unknown ones are in {@code invalidDepartmentIds}). Counts grow while it is delivered:
 * {@code delivered} people received it, of whom {@code read} have read it; {@code invalid} userids
 * were unknown or not active people; {@code forbidden} people were skipped by the daily limits.
 */
public record NotificationTask(long id, MessageAuthor sender, MessageContent content, int userIdCount,
                               List<Long> departmentIds, boolean everyone, SendProgress progress, int delivered, int read, int invalid, int forbidden,
                               List<Long> invalidDepartmentIds, Instant createdAt, Instant finishedAt,
                               Instant recalledAt) {

    public NotificationTask {
        departmentIds = List.copyOf(departmentIds);
        invalidDepartmentIds = List.copyOf(invalidDepartmentIds);
    }
}
