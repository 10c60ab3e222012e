package hk.lantau.openplatform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.directory.DirectoryApiTestSupport;
import hk.lantau.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily job tells an app's owner 14 days and again 1 day before the secret in use expires,
 * once each; when the owner has left, the organisation's app admins hear instead.
 */
class SecretExpiryNoticesApiTest extends DirectoryApiTestSupport {

    @Autowired
    SecretExpiryNotices notices;

    @Test
    void ownersHearTwiceBeforeTheirSecretExpiresAndAdminsHearForOwnersWhoLeft() {
        Org org = newOrganisation();
        String ownerEmail = newEmail("owner");
        String owner = createUser(org.admin(), json("name", "App Owner", "email", ownerEmail));
        String leaver = createUser(org.admin(), "Left Owner");
        register(org.admin(), "Payroll sync", owner);
        register(org.admin(), "Old export", leaver);
        assertThat(org.admin().post("/api/v1/users/" + leaver + "/leave", Map.of()).status()).isEqualTo(200);
        signInAs(org, owner);

        clock.advance(Duration.ofDays(75));
        notices.notifyExpiring();
        assertThat(titles(signInAgain(ownerEmail))).isEmpty();

        clock.advance(Duration.ofDays(1).plusHours(1));
        notices.notifyExpiring();
        notices.notifyExpiring();
        List<JsonNode> ownerNotices = notices(signInAgain(ownerEmail));
        assertThat(ownerNotices).hasSize(1);
        assertThat(ownerNotices.get(0).get("content").get("title").asText())
                .isEqualTo("App secret expires in 14 days / 應用程式密鑰將於 14 日後到期");
        assertThat(ownerNotices.get(0).get("content").get("text").asText()).contains("Payroll sync")
                .contains("(Asia/Hong_Kong)");
        assertThat(ownerNotices.get(0).get("sender").get("kind").asText()).isEqualTo("SYSTEM");
        List<JsonNode> adminNotices = notices(signInAgain(org.adminEmail()));
        assertThat(adminNotices).hasSize(1);
        assertThat(adminNotices.get(0).get("content").get("text").asText()).contains("Old export")
                .doesNotContain("Payroll sync");

        clock.advance(Duration.ofDays(12));
        notices.notifyExpiring();
        assertThat(titles(signInAgain(ownerEmail))).hasSize(1);

        clock.advance(Duration.ofDays(1));
        notices.notifyExpiring();
        notices.notifyExpiring();
        assertThat(titles(signInAgain(ownerEmail))).containsExactly(
                "App secret expires tomorrow / 應用程式密鑰明日到期",
                "App secret expires in 14 days / 應用程式密鑰將於 14 日後到期");
    }

    private void register(Api admin, String name, String owner) {
        var registered = admin.post("/api/v1/apps", json("name", name, "purpose", "Tests expiry notices", "scopes",
                List.of("user.read"), "ipAllowList", List.of(), "ownerUserId", owner));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    private static List<JsonNode> notices(Api person) {
        var page = person.get("/api/v1/me/notifications");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }

    private static List<String> titles(Api person) {
        return notices(person).stream().map(n -> n.get("content").get("title").asText()).toList();
    }
}
