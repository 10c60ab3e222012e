package hk.lantau.messaging.internal.notice;

import hk.lantau.messaging.MessageAuthor;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * DingTalk's limits on work notifications, over the last 24 hours: the same content from the same
 * sender reaches a person once (code 143106), and a person receives at most the daily limit of
 * notifications from apps and people (code 143105). Lantau's own notices are not limited.
 */
@Component
class DailyLimits {

    static final int DAILY_LIMIT = 143105;
    static final int DUPLICATE = 143106;
    private static final Duration DAY = Duration.ofHours(24);

    private final NoticeRecipientRepository recipients;
    private final NotificationSettings settings;

    DailyLimits(NoticeRecipientRepository recipients, NotificationSettings settings) {
        this.recipients = recipients;
        this.settings = settings;
    }

    /** The people of {@code userIds} a limit keeps this task from, with the limit's code. */
    Map<String, Integer> forbidden(TaskRow task, List<String> userIds, Instant now) {
        Map<String, Integer> forbidden = new HashMap<>();
        if (userIds.isEmpty() || task.sender().kind() == MessageAuthor.Kind.SYSTEM) {
            return forbidden;
        }
        Instant since = now.minus(DAY);
        Set<String> seen = recipients.receivedSame(task.tenantId(), task.id(), task.contentHash(), userIds, since);
        Map<String, Integer> counts = recipients.receivedCounts(task.tenantId(), userIds, since);
        for (String user : userIds) {
            if (seen.contains(user)) {
                forbidden.put(user, DUPLICATE);
            } else if (counts.getOrDefault(user, 0) >= settings.dailyLimit()) {
                forbidden.put(user, DAILY_LIMIT);
            }
        }
        return forbidden;
    }
}
