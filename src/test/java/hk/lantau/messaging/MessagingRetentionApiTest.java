package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.messaging.internal.privacy.RetentionJob;
import hk.lantau.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Finished work notifications and DINGs are deleted once their retention period (180 days) has passed. */
class MessagingRetentionApiTest extends MessagingApiTestSupport {

    @Autowired
    private RetentionJob retention;

    @Test
    void purgesExactlyWhatIsDue() {
        Org org = newOrganisation();
        Person sender = person(org, "Sender Lam");
        Person reader = person(org, "Reader Chan");
        long tenant = tenantId(org);

        long oldDing = ding(sender, "Fire drill at three", reader);
        confirm(reader.api(), oldDing);
        long lateConfirmed = ding(sender, "Sign the lease", reader);
        long oldNotice = sendNotification(org.admin(), "Office closed on Friday", reader);
        long messageRows = count("select count(*) from msg_message where tenant_id = ?", tenant);

        clock.advance(Duration.ofDays(100));
        Person readerLater = again(reader);
        confirm(readerLater.api(), lateConfirmed);
        Api admin = signInAgain(org.adminEmail());
        long recentNotice = sendNotification(admin, "New parking rules", readerLater);
        long recentDing = ding(again(sender), "Quarter end tonight", readerLater);
        confirm(readerLater.api(), recentDing);

        clock.advance(Duration.ofDays(80).plusHours(1));
        retention.run();

        // 180 days and an hour after the first ones finished: only those go.
        assertThat(ids("select id from msg_ding where tenant_id = ?", tenant))
                .containsExactlyInAnyOrder(lateConfirmed, recentDing);
        assertThat(count("select count(*) from msg_ding_recipient where ding_id = ?", oldDing)).isZero();
        assertThat(count("select count(*) from msg_ding_attempt where ding_id = ?", oldDing)).isZero();
        assertThat(count("select count(*) from msg_ding_recipient where ding_id = ?", lateConfirmed)).isEqualTo(1);
        assertThat(ids("select id from msg_notice_task where tenant_id = ?", tenant)).containsExactly(recentNotice);
        assertThat(count("select count(*) from msg_notice_recipient where task_id = ?", oldNotice)).isZero();
        assertThat(count("select count(*) from msg_notice_recipient where task_id = ?", recentNotice)).isEqualTo(1);
        // Message history has no retention period.
        assertThat(count("select count(*) from msg_message where tenant_id = ?", tenant)).isEqualTo(messageRows);

        // Nothing more goes until the later ones are 180 days old, then all of them do.
        clock.advance(Duration.ofDays(99).minusHours(2));
        retention.run();
        assertThat(ids("select id from msg_ding where tenant_id = ?", tenant))
                .containsExactlyInAnyOrder(lateConfirmed, recentDing);
        assertThat(ids("select id from msg_notice_task where tenant_id = ?", tenant)).containsExactly(recentNotice);
        clock.advance(Duration.ofDays(1).plusHours(2));
        retention.run();
        assertThat(ids("select id from msg_ding where tenant_id = ?", tenant)).isEmpty();
        assertThat(ids("select id from msg_notice_task where tenant_id = ?", tenant)).isEmpty();
        assertThat(count("select count(*) from msg_message where tenant_id = ?", tenant)).isEqualTo(messageRows);
    }

    private List<Long> ids(String sql, long tenant) {
        return jdbc.sql(sql).params(tenant).query(Long.class).list();
    }

    private static void confirm(Api recipient, long dingId) {
        assertThat(recipient.post("/api/v1/dings/" + dingId + "/confirm", Map.of()).status()).isEqualTo(200);
    }
}
