package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An admin opens an app's DingTalk page from the app, adds a sign-in redirect address, sees a bad
 * one refused at its field, and sets the robot's message receiving address, in English and Chinese.
 */
class AppDingTalkBrowserTest extends BrowserTestSupport {

    @Test
    void anAdminSetsAnAppsRedirectAddressesAndRobotAddress() {
        Org org = newOrganisation();
        var registered = org.admin().post("/api/v1/apps", Map.of("name", "Helpdesk bot " + UUID.randomUUID()
                        .toString().substring(0, 4), "purpose", "Answers questions in groups",
                "scopes", List.of("chat.write"), "ipAllowList", List.of()));
        long appId = registered.json().get("id").asLong();
        signInAs(org.adminEmail(), PASSWORD);

        open("/admin/apps/" + appId + "?lang=en");
        click("[data-test=dingtalk]");
        waitForPath("/admin/apps/" + appId + "/dingtalk");
        type("#redirectUri", "https://helpdesk.example.hk/dingtalk/callback");
        click("[data-test=redirect-form] button[type=submit]");
        waitForText("[data-test=done]", "Address added.");
        type("#redirectUri", "https://helpdesk.example.hk/#fragment");
        click("[data-test=redirect-form] button[type=submit]");
        waitForText("#redirectUri-error", "fragment");
        type("#messageUrl", "https://10.0.0.8/robot");
        click("[data-test=robot-form] button[type=submit]");
        waitForText("#messageUrl-error", "internal");
        screenshot("app-dingtalk-errors-en");

        org.admin().post("/api/v1/webhooks/allowed-hosts", Map.of("host", "10.0.0.8"));
        type("#messageUrl", "https://10.0.0.8/robot");
        click("[data-test=robot-form] button[type=submit]");
        waitForText("[data-test=done]", "Message receiving address saved.");
        assertThat(find("[data-test=robot-secret]").getText()).startsWith("SEC");
        assertThat(find("[data-test=redirects-table]").getText()).contains("https://helpdesk.example.hk/dingtalk/callback");
        screenshot("app-dingtalk-en");

        open("/admin/apps/" + appId + "/dingtalk?lang=zh-HK");
        waitForText("h1", "釘釘登入及機械人");
        screenshot("app-dingtalk-zh");
    }
}
