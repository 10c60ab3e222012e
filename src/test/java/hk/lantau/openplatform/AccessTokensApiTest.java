package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Apps exchange their key and secret for an access token and call the API with it. */
class AccessTokensApiTest extends OpenPlatformApiTestSupport {

    @Test
    void anAppGetsATokenWithItsSecretAndReadsPeopleWithIt() {
        Org org = newOrganisation();
        App app = register(org.admin(), "Payroll sync", "user.read");
        assertThat(app.appKey()).startsWith("ding").hasSize(20);
        assertThat(app.body().get("secret").get("hint").asText()).isEqualTo(app.secret().substring(39));

        var granted = grant(app.appKey(), app.secret());

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.header("Cache-Control")).contains("no-store");
        assertThat(granted.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(granted.json().get("expires_in").asLong()).isEqualTo(7200);
        assertThat(granted.json().get("scope").asText()).isEqualTo("user.read");
        String token = granted.json().get("access_token").asText();
        assertThat(token).startsWith("lat.");
        Api api = new Api(baseUrl(), token);
        var people = api.get("/api/v1/users");
        assertThat(people.status()).as(people.body()).isEqualTo(200);
        assertThat(people.json().get("items").findValuesAsText("userId")).contains(org.adminUserId());
        assertThat(jdbc.sql("select count(*) from opf_app_token where token_hash = :hash")
                .param("hash", hk.lantau.shared.Tokens.sha256Hex(token)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from opf_app_secret where secret_hash = :plain or secret_hash = :sha")
                .param("plain", app.secret()).param("sha", hk.lantau.shared.Tokens.sha256Hex(app.secret()))
                .query(Long.class).single()).isZero();
    }

    @Test
    void httpBasicCarriesTheCredentialsToo() {
        Org org = newOrganisation();
        App app = register(org.admin(), "Basic client", "department.read");
        String basic = Base64.getEncoder().encodeToString((app.appKey() + ":" + app.secret())
                .getBytes(StandardCharsets.UTF_8));

        var granted = tokenRequest(anonymous().withHeader("Authorization", "Basic " + basic),
                form("grant_type", "client_credentials"));

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        var tree = new Api(baseUrl(), granted.json().get("access_token").asText()).get("/api/v1/departments");
        assertThat(tree.status()).as(tree.body()).isEqualTo(200);
    }
}
