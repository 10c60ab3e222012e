package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The webhook pages without a browser: forms without JavaScript, tenancy and permissions. */
class WebhookPagesTest extends ApiTestSupport {

    @Autowired
    Accounts accounts;

    @Test
    void formsWorkWithoutJavaScriptAndRefusalsStayOnThePage() {
        Org org = newOrganisation();
        long appId = registerApp(org.admin());
        PageClient browser = signedIn(org.adminEmail());
        browser.get("/admin/apps/webhook-hosts");

        var badHost = browser.post("/admin/apps/webhook-hosts", Map.of("host", "https://erp/"));
        var host = browser.post("/admin/apps/webhook-hosts", Map.of("host", "127.0.0.1"));
        browser.get("/admin/apps/" + appId + "/webhooks");
        var internal = browser.post("/admin/apps/" + appId + "/webhooks",
                Map.of("callbackUrl", "https://10.0.0.1/hook", "eventTypes", "user.created"));
        var created = browser.post("/admin/apps/" + appId + "/webhooks",
                Map.of("callbackUrl", "http://127.0.0.1:9/hook", "eventTypes", "user.left"));

        assertThat(badHost.status()).isEqualTo(400);
        assertThat(badHost.body()).contains("without scheme or port").contains("value=\"https://erp/\"");
        assertThat(host.location()).endsWith("/admin/apps/webhook-hosts?done=allowed");
        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.body()).contains("resolves to an internal address").contains("https://10.0.0.1/hook");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.cacheControl()).contains("no-store");
        assertThat(created.body()).contains("data-test=\"secret\"").contains("whsec_");
        Matcher shown = Pattern.compile("whsec_[A-Za-z0-9_-]{43}").matcher(created.body());
        assertThat(shown.find()).isTrue();
        String secret = shown.group();
        var later = browser.get("/admin/apps/" + appId + "/webhooks");
        assertThat(later.body()).contains("http://127.0.0.1:9/hook").doesNotContain(secret);
        var zh = browser.get("/admin/apps/" + appId + "/deliveries?lang=zh-HK");
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.body()).contains("傳送記錄");
        var badTime = browser.get("/admin/apps/" + appId + "/deliveries?from=yesterday&lang=en");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body()).contains("Enter a date and time");
    }

    @Test
    void anotherOrganisationsAppHasNoWebhookPages() {
        Org mine = newOrganisation();
        Org theirs = newOrganisation();
        long theirApp = registerApp(theirs.admin());
        theirs.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "10.9.8.7"));
        var subscribed = theirs.admin().post("/api/v1/apps/" + theirApp + "/subscriptions",
                Map.of("callbackUrl", "https://10.9.8.7/hook", "eventTypes", List.of("user.created")));
        long subscription = subscribed.json().get("subscription").get("id").asLong();
        String app = "/admin/apps/" + theirApp;

        PageClient browser = signedIn(mine.adminEmail());
        browser.get("/admin/apps/webhook-hosts");

        assertThat(browser.get(app + "/webhooks").status()).isEqualTo(404);
        assertThat(browser.get(app + "/deliveries").status()).isEqualTo(404);
        assertThat(browser.post(app + "/webhooks", Map.of("callbackUrl", "https://93.184.215.14/",
                "eventTypes", "user.created")).status()).isEqualTo(404);
        for (String action : List.of("pause", "resume", "rotate", "delete")) {
            assertThat(browser.post(app + "/webhooks/" + subscription + "/" + action, Map.of()).status())
                    .as(action).isEqualTo(404);
        }
        assertThat(browser.post(app + "/deliveries/replay", Map.of("subscriptionId", String.valueOf(subscription),
                "from", "2020-01-01T00:00", "to", "2030-01-01T00:00")).status()).isEqualTo(404);
        assertThat(browser.post("/admin/apps/webhook-hosts/remove", Map.of("host", "10.9.8.7")).status())
                .isEqualTo(404);
        assertThat(browser.get("/admin/apps/webhook-hosts").body()).doesNotContain("10.9.8.7");

        var unchanged = theirs.admin().get("/api/v1/apps/" + theirApp + "/subscriptions/" + subscription).json();
        assertThat(unchanged.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(unchanged.get("secretHint").asText())
                .isEqualTo(subscribed.json().get("subscription").get("secretHint").asText());
        assertThat(theirs.admin().get("/api/v1/webhooks/allowed-hosts").json()).hasSize(1);
    }

    @Test
    void staffWhoDoNotManageAppsAreRefused() {
        Org org = newOrganisation();
        long appId = registerApp(org.admin());
        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
        var person = org.admin().post("/api/v1/users", Map.of("name", "Staff Member", "email", email));
        long tenantId = jdbc.sql("select id from tenant where corp_id = :c").param("c", org.corpId())
                .query(Long.class).single();
        long account = accounts.createUserAccount(tenantId, person.json().get("userId").asText(), email);
        setPassword(accounts.issueLink(account, LoginLink.Purpose.SETUP).url(), PASSWORD);

        PageClient browser = signedIn(email);

        assertThat(browser.get("/admin/apps/" + appId + "/webhooks").status()).isEqualTo(403);
        assertThat(browser.get("/admin/apps/" + appId + "/deliveries").status()).isEqualTo(403);
        assertThat(browser.get("/admin/apps/webhook-hosts").status()).isEqualTo(403);
        assertThat(browser.post("/admin/apps/webhook-hosts", Map.of("host", "10.0.0.1")).status()).isEqualTo(403);
        assertThat(org.admin().get("/api/v1/webhooks/allowed-hosts").json()).isEmpty();
    }

    private long registerApp(Api admin) {
        var registered = admin.post("/api/v1/apps", Map.of("name", "Pages app " + UUID.randomUUID().toString()
                        .substring(0, 6), "purpose", "Tests the webhook pages",
                "scopes", List.of("event.subscribe", "user.read"), "ipAllowList", List.of()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asLong();
    }

    private PageClient signedIn(String email) {
        PageClient browser = new PageClient(baseUrl());
        var page = browser.signIn(email, PASSWORD);
        if (page.location() != null && page.location().endsWith("/mfa")) {
            browser.get("/mfa");
            browser.post("/mfa", Map.of("code", totpCode(email)));
        }
        return browser;
    }
}
