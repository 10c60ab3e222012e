package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport;
import hk.lantau.support.Polling;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console page of an app's API calls: its organisation's admins see it, in either language. */
class AccessLogPageTest extends ApiTestSupport {

    @Test
    void adminsSeeTheirAppsCallsAndNobodyElseDoes() {
        Org org = newOrganisation();
        Org other = newOrganisation();
        var registered = org.admin().post("/api/v1/apps", Map.of("name", "Payroll sync", "purpose", "Pays people",
                "scopes", List.of("user.read"), "rateLimitPerMinute", 1));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long appId = registered.json().get("id").asLong();
        Api app = new Api(baseUrl(), token(registered.json().get("appKey").asText(),
                registered.json().get("secret").get("value").asText()));
        assertThat(app.get("/api/v1/users/" + org.adminUserId()).status()).isEqualTo(200);
        assertThat(app.get("/api/v1/users").status()).isEqualTo(429);
        awaitLogged(org.admin(), appId, 2);

        PageClient browser = new PageClient(baseUrl());
        browser.signIn(org.adminEmail(), PASSWORD, () -> totpCode(org.adminEmail()));
        assertThat(browser.get("/admin/apps/" + appId).body()).contains("href=\"/admin/apps/" + appId + "/access-log\"");
        var english = browser.get("/admin/apps/" + appId + "/access-log?lang=en");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("API calls of Payroll sync").contains("GET /api/v1/users/{userId}")
                .contains("data-status=\"429\"").contains("data-status=\"200\"");
        var refusedOnly = browser.get("/admin/apps/" + appId + "/access-log?status=4xx");
        assertThat(refusedOnly.body()).contains("data-status=\"429\"").doesNotContain("data-status=\"200\"");
        var chinese = browser.get("/admin/apps/" + appId + "/access-log?lang=zh-HK");
        assertThat(chinese.body()).contains("Payroll sync 的 API 調用").contains("lang=\"zh-HK\"");
        var wrongTime = browser.get("/admin/apps/" + appId + "/access-log?from=soon");
        assertThat(wrongTime.status()).isEqualTo(400);
        assertThat(wrongTime.body()).contains("請輸入日期及時間");

        PageClient outsider = new PageClient(baseUrl());
        outsider.signIn(other.adminEmail(), PASSWORD, () -> totpCode(other.adminEmail()));
        var notTheirs = outsider.get("/admin/apps/" + appId + "/access-log");
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.body()).doesNotContain("Payroll sync");
    }

    private String token(String appKey, String secret) {
        var granted = anonymous().sendRaw("POST", "/api/v1/oauth/token", "grant_type=client_credentials&client_id="
                + encode(appKey) + "&client_secret=" + encode(secret), "application/x-www-form-urlencoded");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return granted.json().get("access_token").asText();
    }

    private static void awaitLogged(Api admin, long appId, int count) {
        Polling.until(count + " calls logged", () -> admin.get("/api/v1/apps/" + appId + "/access-log").json()
                .get("items").size() >= count);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
