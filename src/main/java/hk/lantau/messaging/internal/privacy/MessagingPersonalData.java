package hk.lantau.messaging.internal.privacy;

import hk.lantau.messaging.UserEvents;
import hk.lantau.shared.PersonalDataContributor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messaging's part of a data-access request and of an erasure: conversations, the messages the
 * person wrote, read positions, DINGs, work notifications and robots (docs/compliance.md).
 */
@Component
class MessagingPersonalData implements PersonalDataContributor {

    private final MessagingExport exports;
    private final MessagingErasure erasure;
    private final UserEvents userEvents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessagingPersonalData(MessagingExport exports, MessagingErasure erasure, UserEvents userEvents,
                          ApplicationEventPublisher events, Clock clock) {
        this.exports = exports;
        this.erasure = erasure;
        this.userEvents = userEvents;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "messaging";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(long tenantId, String userId) {
        return exports.export(tenantId, userId);
    }

    @Override
    @Transactional
    public ErasureResult erase(long tenantId, String userId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int messages = erasure.tombstoneMessages(tenantId, userId, now);
        int groups = erasure.leaveGroups(tenantId, userId);
        int direct = erasure.anonymiseDirectMemberships(tenantId, userId);
        int dingsReceived = erasure.removeDingsReceived(tenantId, userId);
        int dingsSent = erasure.emptyDingsSent(tenantId, userId, now);
        int notifications = erasure.removeNotificationsReceived(tenantId, userId);
        int notificationsSent = erasure.anonymiseNotificationsSent(tenantId, userId);
        int stream = userEvents.forget(tenantId, userId);

        int erased = messages + groups + dingsReceived + dingsSent + notifications + stream;
        int anonymised = direct + notificationsSent;
        if (erased + anonymised > 0) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("messagesEmptied", messages);
            changes.put("groupsLeft", groups);
            changes.put("dingRecipientRowsRemoved", dingsReceived);
            changes.put("dingsSentEmptied", dingsSent);
            changes.put("notificationRowsRemoved", notifications);
            changes.put("streamRowsRemoved", stream);
            events.publishEvent(new PrivacyAudit(tenantId, "messaging.personal_data.erased", "user", userId, changes));
        }
        return new ErasureResult(section(), erased, anonymised, retained());
    }

    private static Map<String, String> retained() {
        Map<String, String> retained = new LinkedHashMap<>();
        retained.put("messages", "The rows of the messages they wrote stay without content, as a removal leaves "
                + "them, so each conversation's numbering and the other members' read receipts stay consistent.");
        retained.put("mentions", "Other people's messages that mention them keep their text: those are the other "
                + "people's words, and group notices that named them stay part of the group's history.");
        retained.put("directConversations", "Their side of a direct conversation stays as \"Erased user\" with its "
                + "read position but no read time, so the other person keeps their conversation and its receipts.");
        retained.put("dingsSent", "DINGs they sent stay without text, so recipients' confirmations stay "
                + "consistent, until DING retention removes them.");
        retained.put("notificationsSent", "Work notifications they sent are the organisation's announcements: "
                + "their content stays, the sender's name is replaced.");
        retained.put("robots", "Robots they created belong to their groups and keep working; the record of who "
                + "created them keeps the userid, which identifies no one once the profile is erased.");
        retained.put("otherStreams", "Events already queued for other people (for example a new message) stay in "
                + "those people's streams until stream retention drops them.");
        return retained;
    }
}
