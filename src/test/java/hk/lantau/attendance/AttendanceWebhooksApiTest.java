package hk.lantau.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.attendance.internal.DailyClose;
import hk.lantau.shared.Tokens;
import hk.lantau.support.WebhookReceiver;
import hk.lantau.support.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An app subscribed to attendance events hears of each punch and each closed work date, without locations. */
class AttendanceWebhooksApiTest extends AttendanceApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> TYPES = List.of("attendance.punch.recorded", "attendance.day.closed");

    private final WebhookReceiver receiver = new WebhookReceiver();

    @Autowired
    DailyClose dailyClose;

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void aPunchAndTheDaysCloseArriveSignedWithoutTheLocation() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        Person person = staff(org, "REFUSE", 1).get(0);
        String secret = subscribe(org, "event.subscribe", "attendance.read");

        at(day, LocalTime.of(9, 10));
        JsonNode record = punchInside(person);
        Received punched = receiver.await(1, r -> "attendance.punch.recorded".equals(r.header("Lantau-Event-Type")),
                WAIT).get(0);
        assertThat(punched.header("Lantau-Signature")).isEqualTo("v1=" + Tokens.hmacHex(
                secret.getBytes(StandardCharsets.UTF_8), punched.header("Lantau-Timestamp") + "." + punched.body()));
        assertThat(punched.json().get("organisation").asText()).isEqualTo(org.corpId());
        JsonNode data = punched.json().get("data");
        assertThat(data.get("recordId").asLong()).isEqualTo(record.get("id").asLong());
        assertThat(data.get("userId").asText()).isEqualTo(person.userId());
        assertThat(data.get("workDate").asText()).isEqualTo(day.toString());
        assertThat(data.get("checkType").asText()).isEqualTo("OnDuty");
        assertThat(data.get("timeResult").asText()).isEqualTo("Late");
        assertThat(data.get("locationResult").asText()).isEqualTo("Normal");
        assertThat(data.get("sourceType").asText()).isEqualTo("USER");
        assertThat(data.get("userCheckTime").asText()).endsWith("Z");
        assertThat(Instant.parse(data.get("userCheckTime").asText())).isEqualTo(day.atTime(9, 10).atZone(HK).toInstant());
        assertThat(punched.body()).doesNotContain("latitude").doesNotContain(String.valueOf(LAT));

        at(day.plusDays(1), LocalTime.of(2, 0));
        dailyClose.run();
        Received closed = receiver.await(1, r -> "attendance.day.closed".equals(r.header("Lantau-Event-Type"))
                && day.toString().equals(r.json().get("data").get("workDate").asText()), WAIT).get(0);
        assertThat(closed.json().get("data").get("markedRecords").asInt()).as("the missing off-duty punch").isEqualTo(1);
    }

    @Test
    void anAppWithoutAttendanceReadCannotSubscribeAndAnotherOrganisationHearsNothing() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        long app = app(org, "event.subscribe", "user.read").id();
        allowLocalhost(org);
        var refused = org.admin().post("/api/v1/apps/" + app + "/subscriptions",
                Map.of("callbackUrl", receiver.url("/hooks"), "eventTypes", TYPES));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("openplatform.scope_missing");
        assertThat(org.admin().get("/api/v1/apps/" + app + "/subscriptions").json()).isEmpty();

        subscribe(org, "event.subscribe", "attendance.read");
        Org other = newOrganisation();
        Person person = staff(other, "REFUSE", 1).get(0);
        at(day, LocalTime.of(9, 0));
        punchInside(person);
        assertThat(count("select count(*) from opf_event where tenant_id = ? and type like 'attendance.%'",
                tenantId(other))).isZero();
        assertThat(receiver.received()).isEmpty();
    }

    /** Subscribes a new app with the scopes to the attendance events and returns the signing secret. */
    private String subscribe(Org org, String... scopes) {
        long app = app(org, scopes).id();
        allowLocalhost(org);
        var created = org.admin().post("/api/v1/apps/" + app + "/subscriptions",
                Map.of("callbackUrl", receiver.url("/hooks"), "eventTypes", TYPES));
        assertThat(created.status()).as("subscribe: %s", created.body()).isEqualTo(201);
        return created.json().get("secret").asText();
    }

    private static void allowLocalhost(Org org) {
        var allowed = org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "127.0.0.1"));
        assertThat(allowed.status()).as("allow 127.0.0.1: %s", allowed.body()).isIn(201, 409);
    }
}
