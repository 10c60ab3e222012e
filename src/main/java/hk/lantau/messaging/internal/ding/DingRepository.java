package hk.lantau.messaging.internal.ding;

import static hk.lantau.messaging.internal.sql.SqlTimes.instant;

import hk.lantau.messaging.DingAttempt;
import hk.lantau.messaging.DingStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** DINGs, their recipients and delivery attempts. Every read by id also filters on the tenant. */
@Repository
class DingRepository {

    private static final String COLUMNS = """
            d.id, d.tenant_id, d.sender_id, d.text, d.conversation_id, d.message_id, d.status, d.send_at,
            d.sent_at, d.cancelled_at, d.remind_every_minutes, d.reminders, d.email_from, d.sms_from,
            d.recipient_count, d.created_at,
            (select count(*) from msg_ding_recipient c where c.ding_id = d.id and c.confirmed_at is not null)""";
    private static final RowMapper<DingRow> DING = (rs, n) -> new DingRow(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), (Long) rs.getObject(6, Long.class),
            DingStatus.valueOf(rs.getString(7)), instant(rs, 8), instant(rs, 9), instant(rs, 10), rs.getInt(11), rs.getInt(12),
            rs.getObject(13, Integer.class), rs.getObject(14, Integer.class), rs.getInt(15), instant(rs, 16),
            rs.getInt(17));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(DingRow d) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into msg_ding (tenant_id, sender_id, text, conversation_id, message_id, status, send_at,
                                              sent_at, remind_every_minutes, reminders, email_from, sms_from,
                                              recipient_count, created_at)
                        values (:tenant, :sender, :text, :conversation, :message, :status, :sendAt, :sentAt, :every,
                                :reminders, :emailFrom, :smsFrom, :count, :createdAt)""")
                .param("tenant", d.tenantId()).param("sender", d.senderId()).param("text", d.text())
                .param("conversation", d.conversationId()).param("message", d.messageId())
                .param("status", d.status().name()).param("sendAt", ts(d.sendAt())).param("sentAt", ts(d.sentAt()))
                .param("every", d.remindEveryMinutes()).param("reminders", d.reminders())
                .param("emailFrom", d.emailFrom()).param("smsFrom", d.smsFrom())
                .param("count", d.recipientCount()).param("createdAt", ts(d.createdAt()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void insertRecipients(long tenantId, long dingId, Collection<String> userIds) {
        List<Object[]> rows = new ArrayList<>();
        for (String user : userIds) {
            rows.add(new Object[] {dingId, tenantId, user});
        }
        template.batchUpdate("insert into msg_ding_recipient (ding_id, tenant_id, user_id, reminders_sent) "
                + "values (?, ?, ?, 0)", rows);
    }

    Optional<DingRow> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from msg_ding d where d.tenant_id = :tenant and d.id = :id")
                .param("tenant", tenantId).param("id", id).query(DING).optional();
    }

    /** Locks the DING, so a cancel and a confirm or a release do not cross. */
    Optional<DingRow> lock(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from msg_ding d where d.tenant_id = :tenant and d.id = :id for update")
                .param("tenant", tenantId).param("id", id).query(DING).optional();
    }

    List<DingRow> sentBy(long tenantId, String senderId, long beforeId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from msg_ding d
                        where d.tenant_id = :tenant and d.sender_id = :sender and d.id < :before
                        order by d.id desc
                        limit :limit""")
                .param("tenant", tenantId).param("sender", senderId).param("before", beforeId).param("limit", limit)
                .query(DING).list();
    }

    List<DingRow> unconfirmedFor(long tenantId, String userId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from msg_ding d join msg_ding_recipient r on r.ding_id = d.id
                        where r.tenant_id = :tenant and r.user_id = :user and r.confirmed_at is null
                          and d.status = 'SENT'
                        order by d.sent_at desc, d.id desc
                        limit :limit""")
                .param("tenant", tenantId).param("user", userId).param("limit", limit)
                .query(DING).list();
    }

    Optional<RecipientRow> recipient(long dingId, String userId) {
        return jdbc.sql("""
                        select user_id, confirmed_at, reminders_sent, last_reminded_at, next_remind_at
                          from msg_ding_recipient where ding_id = :ding and user_id = :user""")
                .param("ding", dingId).param("user", userId).query(RecipientRow.MAPPER).optional();
    }

    List<RecipientRow> recipients(long dingId, Boolean confirmed) {
        String filter = confirmed == null ? "" : confirmed ? " and confirmed_at is not null" : " and confirmed_at is null";
        return jdbc.sql("""
                        select user_id, confirmed_at, reminders_sent, last_reminded_at, next_remind_at
                          from msg_ding_recipient where ding_id = :ding""" + filter + " order by user_id")
                .param("ding", dingId).query(RecipientRow.MAPPER).list();
    }

    List<String> unconfirmedUsers(long dingId) {
        return jdbc.sql("select user_id from msg_ding_recipient where ding_id = :ding and confirmed_at is null "
                        + "order by user_id")
                .param("ding", dingId).query(String.class).list();
    }

    int confirmedCount(long dingId) {
        return jdbc.sql("select count(*) from msg_ding_recipient where ding_id = :ding and confirmed_at is not null")
                .param("ding", dingId).query(Integer.class).single();
    }

    /** Moves a scheduled DING to sent, once: whoever gets 1 back releases it. */
    int markSent(long id, Instant now) {
        return jdbc.sql("update msg_ding set status = 'SENT', sent_at = :now where id = :id and status = 'SCHEDULED'")
                .param("id", id).param("now", ts(now)).update();
    }

    int cancel(long id, Instant now) {
        return jdbc.sql("update msg_ding set status = 'CANCELLED', cancelled_at = :now "
                        + "where id = :id and status <> 'CANCELLED'")
                .param("id", id).param("now", ts(now)).update();
    }

    void stopReminders(long dingId) {
        jdbc.sql("update msg_ding_recipient set next_remind_at = null where ding_id = :ding and next_remind_at is not null")
                .param("ding", dingId).update();
    }

    void stopReminder(long dingId, String userId) {
        jdbc.sql("update msg_ding_recipient set next_remind_at = null where ding_id = :ding and user_id = :user")
                .param("ding", dingId).param("user", userId).update();
    }

    void scheduleFirstReminder(long dingId, Instant at) {
        jdbc.sql("update msg_ding_recipient set next_remind_at = :at where ding_id = :ding and confirmed_at is null")
                .param("ding", dingId).param("at", ts(at)).update();
    }

    int confirm(long dingId, String userId, Instant now) {
        return jdbc.sql("""
                        update msg_ding_recipient set confirmed_at = :now, next_remind_at = null
                         where ding_id = :ding and user_id = :user and confirmed_at is null""")
                .param("ding", dingId).param("user", userId).param("now", ts(now)).update();
    }

    /** Scheduled DINGs whose time has come, of every organisation, as (tenant, id). */
    List<DueDing> dueScheduled(Instant now, int limit) {
        return jdbc.sql("select tenant_id, id from msg_ding where status = 'SCHEDULED' and send_at <= :now "
                        + "order by send_at limit :limit")
                .param("now", ts(now)).param("limit", limit)
                .query((rs, n) -> new DueDing(rs.getLong(1), rs.getLong(2))).list();
    }

    List<DueReminder> dueReminders(Instant now, int limit) {
        return jdbc.sql("""
                        select r.tenant_id, r.ding_id, r.user_id, r.reminders_sent from msg_ding_recipient r
                         where r.next_remind_at <= :now
                         order by r.next_remind_at, r.ding_id, r.user_id
                         limit :limit""")
                .param("now", ts(now)).param("limit", limit)
                .query((rs, n) -> new DueReminder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list();
    }

    /**
     * Claims one due reminder by moving the recipient on to the next step. Only the caller that sees
     * the step it read gets 1 back, so a reminder is never sent twice.
     */
    int advance(DueReminder due, Instant now, Instant next) {
        return jdbc.sql("""
                        update msg_ding_recipient
                           set reminders_sent = :step, last_reminded_at = :now, next_remind_at = :next
                         where ding_id = :ding and user_id = :user and reminders_sent = :sent
                           and next_remind_at <= :now and confirmed_at is null""")
                .param("step", due.remindersSent() + 1).param("now", ts(now)).param("next", ts(next))
                .param("ding", due.dingId()).param("user", due.userId()).param("sent", due.remindersSent())
                .update();
    }

    void insertAttempt(long tenantId, long dingId, String userId, int step, DingAttempt.Channel channel,
                       DingAttempt.Outcome outcome, Instant now) {
        boolean pending = outcome == DingAttempt.Outcome.PENDING;
        jdbc.sql("""
                        insert into msg_ding_attempt (tenant_id, ding_id, user_id, step, channel, outcome, created_at,
                                                      lease_until, finished_at)
                        values (:tenant, :ding, :user, :step, :channel, :outcome, :now, :lease, :finished)""")
                .param("tenant", tenantId).param("ding", dingId).param("user", userId).param("step", step)
                .param("channel", channel.name()).param("outcome", outcome.name()).param("now", ts(now))
                .param("lease", pending ? ts(now) : null).param("finished", pending ? null : ts(now))
                .update();
    }

    List<Long> pendingAttempts(Instant now, int limit) {
        return jdbc.sql("select id from msg_ding_attempt where outcome = 'PENDING' and lease_until <= :now "
                        + "order by id limit :limit")
                .param("now", ts(now)).param("limit", limit).query(Long.class).list();
    }

    /** Takes a pending attempt for {@code leaseUntil}; a node that dies while sending lets it go again then. */
    Optional<PendingAttempt> claimAttempt(long id, Instant now, Instant leaseUntil) {
        int claimed = jdbc.sql("update msg_ding_attempt set lease_until = :lease "
                        + "where id = :id and outcome = 'PENDING' and lease_until <= :now")
                .param("lease", ts(leaseUntil)).param("id", id).param("now", ts(now)).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select id, tenant_id, ding_id, user_id, step, channel from msg_ding_attempt where id = :id")
                .param("id", id)
                .query((rs, n) -> new PendingAttempt(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getInt(5), DingAttempt.Channel.valueOf(rs.getString(6))))
                .optional();
    }

    void finishAttempt(long id, DingAttempt.Outcome outcome, String detail, Instant now) {
        jdbc.sql("""
                        update msg_ding_attempt set outcome = :outcome, detail = :detail, finished_at = :now,
                                                    lease_until = null
                         where id = :id and outcome = 'PENDING'""")
                .param("outcome", outcome.name()).param("detail", detail == null ? null : shorten(detail))
                .param("now", ts(now)).param("id", id).update();
    }

    List<DingAttempt> attempts(long dingId) {
        return jdbc.sql("""
                        select user_id, step, channel, outcome, detail, created_at, finished_at
                          from msg_ding_attempt where ding_id = :ding order by step, user_id, id""")
                .param("ding", dingId)
                .query((rs, n) -> new DingAttempt(rs.getString(1), rs.getInt(2),
                        DingAttempt.Channel.valueOf(rs.getString(3)), DingAttempt.Outcome.valueOf(rs.getString(4)),
                        rs.getString(5), instant(rs, 6), instant(rs, 7)))
                .list();
    }

    Optional<boolean[]> settings(long tenantId) {
        return jdbc.sql("select email_allowed, sms_allowed from msg_ding_settings where tenant_id = :tenant")
                .param("tenant", tenantId)
                .query((rs, n) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)}).optional();
    }

    void saveSettings(long tenantId, boolean emailAllowed, boolean smsAllowed, Instant now) {
        int updated = jdbc.sql("""
                        update msg_ding_settings set email_allowed = :email, sms_allowed = :sms, updated_at = :now
                         where tenant_id = :tenant""")
                .param("email", emailAllowed).param("sms", smsAllowed).param("now", ts(now)).param("tenant", tenantId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into msg_ding_settings (tenant_id, email_allowed, sms_allowed, updated_at)
                            values (:tenant, :email, :sms, :now)""")
                    .param("email", emailAllowed).param("sms", smsAllowed).param("now", ts(now))
                    .param("tenant", tenantId).update();
        }
    }

    private static String shorten(String detail) {
        return detail.length() <= 300 ? detail : detail.substring(0, 297) + "...";
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }


    record DueDing(long tenantId, long id) {
    }

    record DueReminder(long tenantId, long dingId, String userId, int remindersSent) {
    }

    record PendingAttempt(long id, long tenantId, long dingId, String userId, int step,
                          DingAttempt.Channel channel) {
    }
}
