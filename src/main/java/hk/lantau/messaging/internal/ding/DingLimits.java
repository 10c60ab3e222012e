package hk.lantau.messaging.internal.ding;

import hk.lantau.messaging.DingRateLimitedException;
import hk.lantau.messaging.internal.sql.SqlTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits on DINGs, which interrupt people and may cost money by SMS: how many one person sends in
 * an hour, and how many recipients an organisation's DINGs may escalate to SMS in a day. Counted
 * from the DINGs stored (scheduled and cancelled ones too), so every node sees the same counts.
 * Two sends racing at the edge may both pass; the limits are against abuse, not exact quotas.
 */
@Component
class DingLimits {

    static final Duration SENDER_WINDOW = Duration.ofHours(1);
    static final Duration SMS_WINDOW = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final int perSenderPerHour;
    private final int smsRecipientsPerDay;

    DingLimits(JdbcClient jdbc, @Value("${lantau.ding.max-per-sender-per-hour:30}") int perSenderPerHour,
               @Value("${lantau.ding.max-sms-recipients-per-day:200}") int smsRecipientsPerDay) {
        this.jdbc = jdbc;
        this.perSenderPerHour = perSenderPerHour;
        this.smsRecipientsPerDay = smsRecipientsPerDay;
    }

    /** Refuses a DING that would go over a limit; {@code smsRecipients} is 0 when it never escalates to SMS. */
    void check(long tenantId, String senderId, int smsRecipients, Instant now) {
        List<Instant> sent = jdbc.sql("""
                        select created_at from msg_ding
                        where tenant_id = :tenant and sender_id = :sender and created_at > :since
                        order by created_at desc""")
                .param("tenant", tenantId).param("sender", senderId)
                .param("since", SqlTimes.utc(now.minus(SENDER_WINDOW)))
                .query((rs, n) -> SqlTimes.instant(rs, 1)).list();
        if (sent.size() >= perSenderPerHour) {
            Instant freed = sent.get(perSenderPerHour - 1);
            throw new DingRateLimitedException("You have sent " + perSenderPerHour + " DINGs in the last hour.",
                    freed.plus(SENDER_WINDOW));
        }
        if (smsRecipients == 0) {
            return;
        }
        if (smsRecipients > smsRecipientsPerDay) {
            throw new DingRateLimitedException("A DING escalates to SMS for at most " + smsRecipientsPerDay
                    + " people a day in this organisation.", now.plus(SMS_WINDOW));
        }
        List<Escalating> earlier = jdbc.sql("""
                        select created_at, recipient_count from msg_ding
                        where tenant_id = :tenant and sms_from is not null and created_at > :since
                        order by created_at""")
                .param("tenant", tenantId).param("since", SqlTimes.utc(now.minus(SMS_WINDOW)))
                .query((rs, n) -> new Escalating(SqlTimes.instant(rs, 1), rs.getInt(2))).list();
        int used = earlier.stream().mapToInt(Escalating::recipients).sum();
        int over = used + smsRecipients - smsRecipientsPerDay;
        if (over <= 0) {
            return;
        }
        // The oldest DINGs leave the day first; once enough of their recipients have, this one fits.
        int freed = 0;
        for (Escalating e : earlier) {
            freed += e.recipients();
            if (freed >= over) {
                throw new DingRateLimitedException("This organisation's DINGs have escalated to SMS for " + used
                        + " people in the last day, of at most " + smsRecipientsPerDay + ".",
                        e.at().plus(SMS_WINDOW));
            }
        }
        throw new IllegalStateException("SMS recipients counted inconsistently");
    }

    private record Escalating(Instant at, int recipients) {
    }
}
