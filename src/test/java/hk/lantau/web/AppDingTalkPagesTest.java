package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An app's DingTalk page without a browser: its sign-in redirect addresses and robot message address
 * listed, added and removed through forms without JavaScript, refusals shown at their field in both
 * languages, and another organisation's app not found.
 */
class AppDingTalkPagesTest extends ApiTestSupport {

    @Test
    void redirectAddressesAreAddedAndRemovedAndRefusalsStayAtTheirField() {
        Org org = newOrganisation();
        long appId = registerApp(org.admin());
        String page = "/admin/apps/" + appId + "/dingtalk";
        PageClient browser = signedIn(org);
        assertThat(browser.get("/admin/apps/" + appId).body()).contains(page);
        var empty = browser.get(page);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("data-test=\"no-redirects\"");

        var added = browser.post(page + "/redirect-uris", Map.of("redirectUri", "https://erp.example.hk/sign-in"));
        assertThat(added.location()).endsWith(page + "?done=redirect_added");
        var fragment = browser.post(page + "/redirect-uris", Map.of("redirectUri", "https://erp.example.hk/#x"));
        assertThat(fragment.status()).isEqualTo(400);
        assertThat(fragment.body()).contains("id=\"redirectUri-error\"").contains("value=\"https://erp.example.hk/#x\"");
        var fragmentZh = browser.post(page + "/redirect-uris?lang=zh-HK", Map.of("redirectUri", "ftp://erp"));
        assertThat(fragmentZh.status()).isEqualTo(400);
        assertThat(fragmentZh.body()).contains("請填寫最多 10 個");
        assertThat(org.admin().get("/api/v1/apps/" + appId + "/redirect-uris").json().get("redirectUris"))
                .hasSize(1);

        var listed = browser.get(page + "?lang=en");
        assertThat(listed.body()).contains("https://erp.example.hk/sign-in").contains("Sign-in redirect addresses");
        var removed = browser.post(page + "/redirect-uris/remove",
                Map.of("redirectUri", "https://erp.example.hk/sign-in"));
        assertThat(removed.location()).endsWith(page + "?done=redirect_removed");
        assertThat(org.admin().get("/api/v1/apps/" + appId + "/redirect-uris").json().get("redirectUris")).isEmpty();
        assertThat(browser.get(page + "?lang=zh-HK").body()).contains("登入轉回地址");
    }

    @Test
    void theRobotAddressIsSavedWithItsSecretAndCheckedLikeAWebhook() {
        Org org = newOrganisation();
        long appId = registerApp(org.admin());
        String page = "/admin/apps/" + appId + "/dingtalk";
        PageClient browser = signedIn(org);
        browser.get(page);

        var internal = browser.post(page + "/robot", Map.of("messageUrl", "https://10.0.0.1/robot"));
        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.body()).contains("id=\"messageUrl-error\"").contains("https://10.0.0.1/robot");
        assertThat(org.admin().get("/api/v1/apps/" + appId + "/robot").json().path("messageUrl").asText(null)).isNull();

        org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "127.0.0.1"));
        var saved = browser.post(page + "/robot", Map.of("messageUrl", "http://127.0.0.1:9/robot"));
        assertThat(saved.location()).endsWith(page + "?done=robot_saved");
        var shown = browser.get(page);
        assertThat(shown.cacheControl()).contains("no-store");
        String secret = org.admin().get("/api/v1/apps/" + appId + "/robot").json().get("signingSecret").asText();
        assertThat(shown.body()).contains("http://127.0.0.1:9/robot").contains(secret);
        var reset = browser.post(page + "/robot/reset-secret", Map.of());
        assertThat(reset.location()).endsWith(page + "?done=secret_reset");
        assertThat(browser.get(page).body()).doesNotContain(secret);
    }

    @Test
    void anotherOrganisationsAppAndStaffWithoutAppsManageAreRefused() {
        Org mine = newOrganisation();
        Org theirs = newOrganisation();
        long theirApp = registerApp(theirs.admin());
        theirs.admin().put("/api/v1/apps/" + theirApp + "/redirect-uris",
                Map.of("redirectUris", List.of("https://theirs.example.hk/cb")));
        String page = "/admin/apps/" + theirApp + "/dingtalk";
        PageClient browser = signedIn(mine);
        browser.get("/admin/apps");

        assertThat(browser.get(page).status()).isEqualTo(404);
        assertThat(browser.post(page + "/redirect-uris", Map.of("redirectUri", "https://x.example.hk/")).status())
                .isEqualTo(404);
        assertThat(browser.post(page + "/redirect-uris/remove", Map.of("redirectUri", "https://theirs.example.hk/cb"))
                .status()).isEqualTo(404);
        assertThat(browser.post(page + "/robot", Map.of("messageUrl", "https://x.example.hk/")).status())
                .isEqualTo(404);
        assertThat(browser.post(page + "/robot/reset-secret", Map.of()).status()).isEqualTo(404);
        assertThat(theirs.admin().get("/api/v1/apps/" + theirApp + "/redirect-uris").json().get("redirectUris"))
                .hasSize(1);
    }

    private long registerApp(Api admin) {
        var registered = admin.post("/api/v1/apps", Map.of("name", "DingTalk app " + UUID.randomUUID().toString()
                        .substring(0, 6), "purpose", "Tests the DingTalk page",
                "scopes", List.of("chat.write"), "ipAllowList", List.of()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asLong();
    }

    private PageClient signedIn(Org org) {
        PageClient browser = new PageClient(baseUrl());
        var page = browser.signIn(org.adminEmail(), PASSWORD);
        if (page.location() != null && page.location().endsWith("/mfa")) {
            browser.get("/mfa");
            browser.post("/mfa", Map.of("code", totpCode(org.adminEmail())));
        }
        return browser;
    }
}
