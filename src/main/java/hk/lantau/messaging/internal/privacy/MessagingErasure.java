package hk.lantau.messaging.internal.privacy;

import hk.lantau.messaging.internal.chat.Departures;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements of an erasure, each over all of the person's rows at once, so a person with a
 * long history is erased in a handful of statements. Counts are of rows changed.
 */
@Component
class MessagingErasure {

    static final String ERASED_NAME = Departures.ERASED_NAME;

    private final JdbcClient jdbc;
    private final Departures departures;

    MessagingErasure(JdbcClient jdbc, Departures departures) {
        this.jdbc = jdbc;
        this.departures = departures;
    }

    /** Their messages become tombstones, as a moderator's removal leaves them; returns how many had content. */
    int tombstoneMessages(long tenantId, String userId, Instant now) {
        int emptied = statement("""
                update msg_message set content = null, mentions = null, mention_all = false, client_message_id = null,
                       state = 'REMOVED', changed_at = :now
                 where tenant_id = :tenant and author_kind = 'USER' and author_id = :user and content is not null""",
                tenantId, userId).param("now", Timestamp.from(now)).update();
        statement("""
                update msg_message set author_name = :erased, client_message_id = null
                 where tenant_id = :tenant and author_kind = 'USER' and author_id = :user""", tenantId, userId)
                .param("erased", ERASED_NAME).update();
        return emptied;
    }

    /** Leaves every group; returns how many. */
    int leaveGroups(long tenantId, String userId) {
        return departures.leaveAllGroups(tenantId, userId, ERASED_NAME);
    }

    /**
     * Their side of a direct conversation stays, anonymised, so the other person's conversation
     * keeps its peer; its read time goes. Returns how many rows.
     */
    int anonymiseDirectMemberships(long tenantId, String userId) {
        return statement("""
                update msg_member set name = :erased, read_at = null, mention_seq = 0
                 where tenant_id = :tenant and user_id = :user and (name <> :erased or read_at is not null)
                   and conversation_id in
                       (select id from msg_conversation where tenant_id = :tenant and kind = 'DIRECT')""",
                tenantId, userId).param("erased", ERASED_NAME).update();
    }

    /** DINGs they received: their recipient rows and delivery attempts go. */
    int removeDingsReceived(long tenantId, String userId) {
        statement("""
                update msg_ding set recipient_count = recipient_count - 1
                 where id in (select ding_id from msg_ding_recipient where tenant_id = :tenant and user_id = :user)""",
                tenantId, userId).update();
        int attempts = statement("delete from msg_ding_attempt where tenant_id = :tenant and user_id = :user",
                tenantId, userId).update();
        return attempts + statement("delete from msg_ding_recipient where tenant_id = :tenant and user_id = :user",
                tenantId, userId).update();
    }

    /**
     * DINGs they sent lose their text; ones not sent yet are cancelled, and reminders and pending
     * e-mails or SMS stop, so nothing more goes out in their name. Returns how many DINGs.
     */
    int emptyDingsSent(long tenantId, String userId, Instant now) {
        Timestamp at = Timestamp.from(now);
        String theirs = "select id from msg_ding where tenant_id = :tenant and sender_id = :user";
        statement("update msg_ding_recipient set next_remind_at = null where next_remind_at is not null and ding_id in ("
                + theirs + ")", tenantId, userId).update();
        statement("update msg_ding_attempt set outcome = 'SKIPPED', detail = 'The sender''s data was erased.', "
                + "lease_until = null, finished_at = :now where outcome = 'PENDING' and ding_id in (" + theirs + ")",
                tenantId, userId).param("now", at).update();
        statement("update msg_ding set status = 'CANCELLED', cancelled_at = :now "
                + "where tenant_id = :tenant and sender_id = :user and status = 'SCHEDULED'", tenantId, userId)
                .param("now", at).update();
        return statement("update msg_ding set text = '' where tenant_id = :tenant and sender_id = :user and text <> ''",
                tenantId, userId).update();
    }

    /** Work notifications they received: their recipient rows, and their name on tasks still running. */
    int removeNotificationsReceived(long tenantId, String userId) {
        int targets = statement("""
                delete from msg_notice_target where user_id = :user
                   and task_id in (select id from msg_notice_task where tenant_id = :tenant)""", tenantId, userId)
                .update();
        return targets + statement("delete from msg_notice_recipient where tenant_id = :tenant and user_id = :user",
                tenantId, userId).update();
    }

    /** Notifications they sent belong to the organisation; only the sender's name goes. */
    int anonymiseNotificationsSent(long tenantId, String userId) {
        return statement("""
                update msg_notice_task set sender_name = :erased
                 where tenant_id = :tenant and sender_kind = 'USER' and sender_id = :user and sender_name <> :erased""",
                tenantId, userId).param("erased", ERASED_NAME).update();
    }

    private JdbcClient.StatementSpec statement(String sql, long tenantId, String userId) {
        return jdbc.sql(sql).param("tenant", tenantId).param("user", userId);
    }
}
