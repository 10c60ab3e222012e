package hk.lantau.messaging.internal.notice;

import hk.lantau.messaging.internal.content.ContentRules;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Work notification limits and the delivery job's pace.
 *
 * @param maxContentBytes   the content as JSON, in UTF-8 bytes (DingTalk: 2,048)
 * @param maxUserIds        userids in one send (DingTalk: 5,000 for internal apps)
 * @param maxDepartments    department ids in one send (DingTalk: 20)
 * @param dailyLimit        notifications one person receives from apps and people in 24 hours (DingTalk: 500)
 * @param batchSize         people handled per transaction of the delivery job
 * @param lease             how long a node's claim on a task lasts; a node that dies is replaced after it
 * @param poll              how often each node looks for tasks to work on
 */
@ConfigurationProperties("lantau.messaging.notifications")
record NotificationSettings(@DefaultValue("2048") int maxContentBytes,
                            @DefaultValue("5000") int maxUserIds,
                            @DefaultValue("20") int maxDepartments,
                            @DefaultValue("500") int dailyLimit,
                            @DefaultValue("500") int batchSize,
                            @DefaultValue("2m") Duration lease,
                            @DefaultValue("2s") Duration poll) {

    private static final ContentRules.Codes CODES = new ContentRules.Codes("messaging.notification_content_invalid",
            "messaging.notification_content_invalid", "messaging.notification_kind_unsupported",
            "messaging.notification_content_too_long");

    /** DingTalk's kinds of work notification, limited only by their size as a whole. */
    ContentRules contentRules() {
        return new ContentRules(CODES, Set.of("text", "markdown", "link", "actionCard"), 0, maxContentBytes);
    }

    /**
     * Lantau's own notices may also be system notices, which each reader's page shows in their
     * language from the notice's key.
     */
    ContentRules systemContentRules() {
        return new ContentRules(CODES, Set.of("text", "markdown", "link", "actionCard", "system"), 0,
                maxContentBytes);
    }
}
