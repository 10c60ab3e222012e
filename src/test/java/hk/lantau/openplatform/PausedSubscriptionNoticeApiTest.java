package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.Polling;
import hk.lantau.support.WebhookReceiver;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a subscription is paused for failing, the app's owner finds a notice from Lantau in their list. */
class PausedSubscriptionNoticeApiTest extends WebhookApiTestSupport {

    @Test
    void theOwnerIsToldWhenAFailingSubscriptionIsPaused() {
        Org org = newOrganisation();
        App app = subscriberApp(org);
        allowLocalhost(org);
        WebhookReceiver receiver = receiver().answer(503, "gone");
        Subscription subscription = subscribe(org, app, receiver.url("/hooks"), "user.created");

        firstFailedAttempt(org, app, receiver, "Failing One");
        clock.advance(Duration.ofDays(3).plusHours(1));
        Api admin = as(org.adminEmail(), PASSWORD);
        Org later = new Org(org.corpId(), org.adminUserId(), org.adminEmail(), admin);
        createUser(admin, "Failing Two");
        Polling.until("the subscription is paused", WAIT, Duration.ofMillis(100), () -> "PAUSED".equals(admin.get(
                "/api/v1/apps/" + app.id() + "/subscriptions/" + subscription.id()).json().get("status").asText()));

        Polling.until("the owner has a notice", WAIT, Duration.ofMillis(100),
                () -> admin.get("/api/v1/me/notifications").json().get("items").size() == 1);
        JsonNode notice = admin.get("/api/v1/me/notifications").json().get("items").get(0);
        assertThat(notice.get("sender").get("kind").asText()).isEqualTo("SYSTEM");
        assertThat(notice.get("content").get("title").asText()).startsWith("Webhook subscription paused");
        assertThat(notice.get("content").get("text").asText()).contains(app.body().get("name").asText())
                .contains(receiver.url("/hooks")).contains("3 days").contains("已將其暫停");
        assertThat(later.admin().get("/api/v1/me/notifications").json().get("unread").asInt()).isEqualTo(1);
    }
}
