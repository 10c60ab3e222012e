package hk.lantau.openplatform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.ApiTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The scheduled purge deletes expired access tokens and keeps live ones. */
class ExpiredTokenPurgeApiTest extends ApiTestSupport {

    @Autowired
    private ExpiredTokenPurge purge;

    @Test
    void deletesOnlyExpiredTokens() {
        Org org = newOrganisation();
        var registered = org.admin().post("/api/v1/apps", Map.of("name", "Purged", "purpose", "Tests the purge",
                "scopes", List.of("user.read"))).json();
        long appId = registered.get("id").asLong();
        String form = "grant_type=client_credentials&client_id=" + registered.get("appKey").asText()
                + "&client_secret=" + registered.get("secret").get("value").asText();
        assertThat(anonymous().sendRaw("POST", "/api/v1/oauth/token", form, "application/x-www-form-urlencoded")
                .status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        assertThat(anonymous().sendRaw("POST", "/api/v1/oauth/token", form, "application/x-www-form-urlencoded")
                .status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(61));
        purge.purge();

        assertThat(jdbc.sql("select count(*) from opf_app_token where app_id = :id").param("id", appId)
                .query(Long.class).single()).isEqualTo(1);
    }
}
