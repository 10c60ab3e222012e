package hk.lantau.openplatform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport;
import hk.lantau.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily purge keeps the delivery log for 180 days after a delivery's last activity, then removes it. */
class DeliveryRetentionApiTest extends ApiTestSupport {

    @Autowired
    DeliveryRetention retention;

    @Test
    void theLogIsKeptFor180DaysAndThenPurged() {
        Org org = newOrganisation();
        var app = org.admin().post("/api/v1/apps", Map.of("name", "Retention app", "purpose", "Tests retention",
                "scopes", List.of("event.subscribe", "user.read"), "ipAllowList", List.of()));
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        long appId = app.json().get("id").asLong();
        org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "127.0.0.1"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var kept = subscribe(org.admin(), appId, receiver.url("/kept"));
            var deleted = subscribe(org.admin(), appId, receiver.url("/deleted"));
            var user = org.admin().post("/api/v1/users", Map.of("name", "Kept Person"));
            assertThat(user.status()).isEqualTo(201);
            receiver.await(2, Duration.ofSeconds(30));
            awaitSettled(org.admin(), appId, 2);
            org.admin().delete("/api/v1/apps/" + appId + "/subscriptions/" + deleted);

            clock.advance(Duration.ofDays(179));
            retention.purgeDaily();
            Api admin = as(org.adminEmail(), PASSWORD);
            assertThat(admin.get("/api/v1/apps/" + appId + "/deliveries").json().get("items")).hasSize(2);

            clock.advance(Duration.ofDays(2));
            retention.purgeDaily();
            admin = as(org.adminEmail(), PASSWORD);
            assertThat(admin.get("/api/v1/apps/" + appId + "/deliveries").json().get("items")).isEmpty();
            assertThat(count("opf_delivery_attempt", "tenant_id", tenantId(org))).isZero();
            assertThat(count("opf_event", "tenant_id", tenantId(org))).isZero();
            assertThat(count("opf_subscription", "id", deleted)).isZero();
            assertThat(count("opf_subscription", "id", kept)).isEqualTo(1);
        }
    }

    private long subscribe(Api admin, long appId, String url) {
        var created = admin.post("/api/v1/apps/" + appId + "/subscriptions",
                Map.of("callbackUrl", url, "eventTypes", List.of("user.created")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("subscription").get("id").asLong();
    }

    private void awaitSettled(Api admin, long appId, int count) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (admin.get("/api/v1/apps/" + appId + "/deliveries?status=DELIVERED").json().get("items").size() < count) {
            assertThat(System.nanoTime()).as("deliveries settled in time").isLessThan(end);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long tenantId(Org org) {
        return jdbc.sql("select id from tenant where corp_id = :c").param("c", org.corpId()).query(Long.class).single();
    }

    private long count(String table, String column, long value) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :v").param("v", value)
                .query(Long.class).single();
    }
}
