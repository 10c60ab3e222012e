package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An admin lets an app receive webhooks through the console: allows the internal host of the
 * receiver, subscribes (the secret is shown once), reads the delivery log, replays a delivery,
 * pauses and resumes, rotates the secret and deletes the subscription.
 */
class WebhooksBrowserTest extends BrowserTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anAdminSubscribesAnAppAndFollowsItsDeliveries() {
        Org org = newOrganisation();
        var registered = org.admin().post("/api/v1/apps", Map.of("name", "HR sync " + UUID.randomUUID()
                        .toString().substring(0, 4), "purpose", "Mirrors people into the HR system",
                "scopes", List.of("event.subscribe", "user.read"), "ipAllowList", List.of()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long appId = registered.json().get("id").asLong();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            signInAs(org.adminEmail(), PASSWORD);

            open("/admin/apps/webhook-hosts?lang=en");
            type("#host", "127.0.0.1");
            screenshot("allow-host");
            click("[data-test=host-form] button[type=submit]");
            waitForText("[data-test=done]", "Host allowed.");
            assertThat(find("[data-test=hosts-table]").getText()).contains("127.0.0.1");
            screenshot("host-allowed");

            open("/admin/apps/" + appId);
            click("[data-test=webhooks]");
            waitForPath("/admin/apps/" + appId + "/webhooks");
            assertThat(find("input[value='department.created']").isEnabled()).isFalse();
            type("#callbackUrl", receiver.url("/lantau/hooks"));
            click("input[value='user.created']");
            click("input[value='user.updated']");
            screenshot("subscription-form");
            click("[data-test=subscription-form] button[type=submit]");
            waitForText("[data-test=done]", "Subscribed.");
            String secret = find("[data-test=secret]").getAttribute("value");
            assertThat(secret).startsWith("whsec_");
            assertThat(find("[data-test=subscription]").getText()).contains("user.created", "user.updated", "Active");
            screenshot("subscribed-secret-shown-once");

            open("/admin/apps/" + appId + "/webhooks");
            assertThat(all("[data-test=secret]")).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain(secret);

            createPerson(org, "Wong Siu Ming");
            receiver.await(1, WAIT);
            receiver.answer(503, "{\"error\":\"maintenance window\"}");
            createPerson(org, "Lee Ka Yan");
            receiver.await(2, WAIT);
            open("/admin/apps/" + appId + "/deliveries");
            waitForDeliveries(2, "503");
            WebElement delivered = browser.findElement(By.cssSelector("tr[data-status=DELIVERED]"));
            delivered.findElement(By.cssSelector("summary")).click();
            assertThat(delivered.getText()).contains("Delivered", "HTTP 200", "ok");
            assertThat(find("tr[data-status=PENDING]").getText()).contains("Pending", "Next attempt", "HTTP 503",
                    "maintenance window");
            screenshot("delivery-log");

            receiver.answer(200, "ok");
            delivered.findElement(By.cssSelector("[data-test=replay]")).click();
            waitForText("[data-test=done]", "sent again");
            receiver.await(3, WAIT);
            screenshot("replayed");

            open("/admin/apps/" + appId + "/webhooks");
            click("[data-test=pause]");
            waitForText("[data-test=done]", "paused");
            assertThat(find("[data-test=status]").getText()).isEqualTo("Paused");
            assertThat(find("[data-test=paused-reason]").getText()).isEqualTo("Paused by an admin");
            screenshot("paused");
            click("[data-test=resume]");
            waitForText("[data-test=done]", "resumed");

            click("[data-test=rotate]");
            browser.switchTo().alert().accept();
            waitForText("[data-test=done]", "New signing secret");
            assertThat(find("[data-test=secret]").getAttribute("value")).startsWith("whsec_").isNotEqualTo(secret);
            assertThat(find("[data-test=issued]").getText()).contains("previous secret");
            screenshot("secret-rotated");

            open("/admin/apps/" + appId + "/webhooks?lang=zh-HK");
            waitForText("h1", "Webhook");
            screenshot("webhooks-zh");
            open("/admin/apps/" + appId + "/deliveries?lang=zh-HK");
            waitForText("h1", "傳送記錄");
            screenshot("delivery-log-zh");

            open("/admin/apps/" + appId + "/webhooks?lang=en");
            click("[data-test=delete]");
            browser.switchTo().alert().accept();
            waitForText("[data-test=done]", "Subscription deleted.");
            assertThat(all("[data-test=subscription]")).isEmpty();
            screenshot("deleted");
        }
    }

    private void createPerson(Org org, String name) {
        var created = org.admin().post("/api/v1/users", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** Reloads the log until both deliveries have their attempts, as a person would. */
    private void waitForDeliveries(int rows, String text) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            browser.navigate().refresh();
            if (all("[data-test=deliveries] tbody tr").size() >= rows
                    && find("[data-test=deliveries]").getText().contains(text)) {
                return;
            }
        }
        throw new AssertionError("The delivery log did not show " + rows + " deliveries with " + text);
    }
}
