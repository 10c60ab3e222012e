package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import hk.lantau.support.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A full escalation run against a real SMTP server (GreenMail) and an SMS gateway that records
 * what it is sent, moving the clock from one reminder to the next.
 */
class DingEscalationApiTest extends DingApiTestSupport {

    private static final GreenMail MAIL = started(new GreenMail(ServerSetupTest.SMTP.dynamicPort()));
    private static final WebhookReceiver GATEWAY = new WebhookReceiver();
    private static final String GATEWAY_TOKEN = "gateway-token-for-tests";

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("lantau.mail.from", () -> "dings@lantau.example.hk");
        registry.add("lantau.sms.url", () -> GATEWAY.url("/sms"));
        registry.add("lantau.sms.token", () -> GATEWAY_TOKEN);
        registry.add("management.health.mail.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
        GATEWAY.close();
    }

    @BeforeEach
    void gatewayAccepts() {
        GATEWAY.answer(202, "{\"accepted\":true}");
    }

    @Test
    void unconfirmedRecipientsEscalateFromInAppToEmailAndThenSms() throws Exception {
        Team t = team();
        String email = jdbc.sql("select email from dir_user where tenant_id = :t and userid = :u")
                .param("t", t.tenantId()).param("u", t.first()).query(String.class).single();
        long id = send(t.senderApi(), json("text", "Data centre power failure: confirm you are coming in",
                "recipients", List.of(t.first(), t.second())));
        assertThat(events(t, t.first(), "ding.created")).hasSize(1);
        job.run();
        assertThat(mailTo(email)).isEmpty();
        // The second recipient confirms at once and is never reminded.
        t.secondApi().post("/api/v1/dings/" + id + "/confirm", java.util.Map.of());

        clock.advance(Duration.ofMinutes(5));
        job.run();
        assertThat(events(t, t.first(), "ding.reminded")).hasSize(1);
        assertThat(mailTo(email)).isEmpty();
        assertThat(smsFor(id)).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        job.run();
        assertThat(events(t, t.first(), "ding.reminded")).hasSize(2);
        List<MimeMessage> mails = mailTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("Sender Lam").contains("DING");
        assertThat(mails.get(0).getFrom()[0].toString()).isEqualTo("dings@lantau.example.hk");
        assertThat(mails.get(0).getContent().toString()).contains("Data centre power failure");
        assertThat(smsFor(id)).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        job.run();
        assertThat(events(t, t.first(), "ding.reminded")).hasSize(3);
        assertThat(mailTo(email)).hasSize(2);
        List<WebhookReceiver.Received> sms = smsFor(id);
        assertThat(sms).hasSize(1);
        JsonNode body = sms.get(0).json();
        assertThat(body.get("to").asText()).matches("\\+8526[0-9]{7}");
        assertThat(body.get("text").asText()).contains("Sender Lam").contains("Data centre power failure");
        assertThat(sms.get(0).header("Authorization")).isEqualTo("Bearer " + GATEWAY_TOKEN);
        // The mobile is a protected field: reading it for the SMS is a recorded reveal.
        assertThat(count("select count(*) from cmp_audit_record where chain = ? and action like '%reveal%'",
                t.tenantId())).isEqualTo(1);

        clock.advance(Duration.ofMinutes(30));
        job.run();
        assertThat(events(t, t.first(), "ding.reminded")).hasSize(3);
        assertThat(mailTo(email)).hasSize(2);
        assertThat(smsFor(id)).hasSize(1);

        JsonNode attempts = attempts(t.senderApi(), id);
        assertThat(outcome(attempts, t.first(), 2, "EMAIL")).isEqualTo("SENT");
        assertThat(outcome(attempts, t.first(), 3, "EMAIL")).isEqualTo("SENT");
        assertThat(outcome(attempts, t.first(), 3, "SMS")).isEqualTo("SENT");
        assertThat(outcome(attempts, t.second(), 1, "IN_APP")).isNull();
        assertThat(attempts.toString()).doesNotContain(email).doesNotContain(body.get("to").asText());
    }

    @Test
    void aGatewayRefusalIsRecordedWithItsStatusAndConfirmationSkipsWhatIsLeft() throws Exception {
        Team t = team();
        GATEWAY.answer(503, "busy");
        long id = send(t.senderApi(), json("text", "Fire alarm", "recipients", List.of(t.first(), t.second()),
                "escalation", json("emailFrom", 0, "smsFrom", 0)));
        // The second recipient confirms before the job sends their e-mail and SMS.
        t.secondApi().post("/api/v1/dings/" + id + "/confirm", java.util.Map.of());
        job.run();

        JsonNode attempts = attempts(t.senderApi(), id);
        assertThat(outcome(attempts, t.first(), 0, "SMS")).isEqualTo("FAILED");
        assertThat(attempts.toString()).contains("HTTP 503");
        assertThat(outcome(attempts, t.first(), 0, "EMAIL")).isEqualTo("SENT");
        assertThat(outcome(attempts, t.second(), 0, "EMAIL")).isEqualTo("SKIPPED");
        assertThat(outcome(attempts, t.second(), 0, "SMS")).isEqualTo("SKIPPED");
        assertThat(smsFor(id)).hasSize(1);
        var settings = t.senderApi().get("/api/v1/dings/settings").json();
        assertThat(settings.get("emailConfigured").asBoolean()).isTrue();
        assertThat(settings.get("smsConfigured").asBoolean()).isTrue();
    }

    @Test
    void anAttemptLeftHalfDoneByACrashedNodeIsSentOnceTheLeaseRunsOut() {
        Team t = team();
        long id = send(t.senderApi(), json("text", "Lease", "recipients", List.of(t.first()),
                "escalation", json("smsFrom", 0)));
        // As if a node had claimed the attempt and died before recording its outcome.
        jdbc.sql("update msg_ding_attempt set lease_until = :until where ding_id = :id and channel = 'SMS'")
                .param("until", java.sql.Timestamp.from(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .plus(Duration.ofMinutes(2))))
                .param("id", id).update();
        job.run();
        assertThat(smsFor(id)).isEmpty();
        assertThat(outcome(attempts(t.senderApi(), id), t.first(), 0, "SMS")).isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(2));
        job.run();
        assertThat(smsFor(id)).hasSize(1);
        assertThat(outcome(attempts(t.senderApi(), id), t.first(), 0, "SMS")).isEqualTo("SENT");
    }

    private static List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                found.add(message);
            }
        }
        return found;
    }

    /** What the gateway received for one DING; the reference names the attempt, the text the DING. */
    private List<WebhookReceiver.Received> smsFor(long dingId) {
        List<Long> attemptIds = jdbc.sql("select id from msg_ding_attempt where ding_id = :id and channel = 'SMS'")
                .param("id", dingId).query(Long.class).list();
        return GATEWAY.received().stream()
                .filter(r -> attemptIds.stream().anyMatch(a -> r.json().get("reference").asText().equals("ding-" + a)))
                .toList();
    }

    private static GreenMail started(GreenMail mail) {
        mail.start();
        return mail;
    }
}
