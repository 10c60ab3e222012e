package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The limits on DINGs, small here so that a test reaches them: 3 an hour a sender, 3 SMS recipients a day. */
class DingLimitsApiTest extends DingApiTestSupport {

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("lantau.ding.max-per-sender-per-hour", () -> "3");
        registry.add("lantau.ding.max-sms-recipients-per-day", () -> "3");
        // Configured so that SMS escalation counts; no test here runs the job that would call it.
        registry.add("lantau.sms.url", () -> "http://127.0.0.1:9/sms");
        registry.add("lantau.sms.token", () -> "gateway-token-for-tests");
    }

    @Test
    void aSenderIsRefusedAfterTheHourlyLimitUntilTheOldestDingIsAnHourOld() {
        Team t = team();
        Instant first = wholeSecond();
        send(t.senderApi(), inAppOnly(t.first()));
        clock.advance(Duration.ofMinutes(10));
        send(t.senderApi(), inAppOnly(t.first()));
        send(t.senderApi(), inAppOnly(t.second()));

        var refused = t.senderApi().post("/api/v1/dings", inAppOnly(t.first()));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("messaging.ding_rate_limited");
        assertThat(refused.header("Retry-After")).isEqualTo(Long.toString(Duration.ofMinutes(50).toSeconds()));
        assertThat(refused.json().get("retryAt").asText()).isEqualTo(first.plus(Duration.ofHours(1)).toString());
        assertThat(dingRows(t.tenantId())).isEqualTo(3);
        assertThat(events(t, t.first(), "ding.created")).hasSize(2);

        // Someone else in the organisation is not held back by this sender.
        send(t.firstApi(), inAppOnly(t.second()));

        clock.advance(Duration.ofMinutes(50).minusSeconds(1));
        assertThat(t.senderApi().post("/api/v1/dings", inAppOnly(t.first())).status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        send(t.senderApi(), inAppOnly(t.first()));
        assertThat(dingRows(t.tenantId())).isEqualTo(5);
    }

    @Test
    void dingsThatMayEscalateToSmsShareADailyBudgetPerOrganisation() {
        Team t = team();
        String third = createUser(t.org().admin(), "Third Chan");
        Api thirdApi = signInAs(t.org(), third);
        Instant first = wholeSecond();
        send(t.senderApi(), bySms(t.first(), t.second()));
        clock.advance(Duration.ofHours(2));

        // Another sender in the same organisation: 2 + 2 would be over 3.
        var refused = thirdApi.post("/api/v1/dings", bySms(t.first(), t.second()));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("messaging.ding_rate_limited");
        assertThat(refused.json().get("retryAt").asText()).isEqualTo(first.plus(Duration.ofDays(1)).toString());
        assertThat(refused.header("Retry-After")).isEqualTo(Long.toString(Duration.ofHours(22).toSeconds()));
        assertThat(dingRows(t.tenantId())).isEqualTo(1);

        // One more SMS recipient fits, and DINGs that never text are not counted.
        send(thirdApi, bySms(t.first()));
        send(thirdApi, inAppOnly(t.first(), t.second()));
        assertThat(thirdApi.post("/api/v1/dings", bySms(t.second())).status()).isEqualTo(429);

        // Another organisation has its own budget.
        Team other = team();
        send(other.senderApi(), bySms(other.first(), other.second()));

        clock.advance(Duration.ofHours(22));
        send(signInAgain(emailOf(t, third)), bySms(t.first(), t.second()));
        assertThat(dingRows(t.tenantId())).isEqualTo(4);
    }

    @Test
    void oneDingToMoreSmsRecipientsThanADayAllowsIsRefusedOutright() {
        Team t = team();
        String third = createUser(t.org().admin(), "Third Chan");
        String fourth = createUser(t.org().admin(), "Fourth Ho");
        var refused = t.senderApi().post("/api/v1/dings", bySms(t.first(), t.second(), third, fourth));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("messaging.ding_rate_limited");
        assertThat(dingRows(t.tenantId())).isZero();
        // Without SMS the same DING goes out.
        send(t.senderApi(), inAppOnly(t.first(), t.second(), third, fourth));
    }

    private String emailOf(Team t, String userId) {
        return jdbc.sql("select email from dir_user where tenant_id = :t and userid = :u")
                .param("t", t.tenantId()).param("u", userId).query(String.class).single();
    }

    /** Moves the clock on to a whole second, as stored times and Retry-After are. */
    private Instant wholeSecond() {
        clock.set(clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        return clock.instant();
    }

    private static Map<String, Object> inAppOnly(String... recipients) {
        return Map.of("text", "Please confirm", "recipients", List.of(recipients), "reminders", 0);
    }

    private static Map<String, Object> bySms(String... recipients) {
        return Map.of("text", "Server room flooding", "recipients", List.of(recipients), "reminders", 1,
                "escalation", Map.of("smsFrom", 1));
    }
}
