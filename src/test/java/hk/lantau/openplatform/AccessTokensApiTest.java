package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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

    @Test
    void malformedRequestsAndOtherGrantTypesAreRefusedInOAuthTerms() {
        Org org = newOrganisation();
        App app = register(org.admin(), "Strict client", "user.read");

        var password = tokenRequest(anonymous(), form("grant_type", "password", "client_id", app.appKey(),
                "client_secret", app.secret()));
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.code()).isEqualTo("openplatform.unsupported_grant_type");
        assertThat(password.json().get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(password.json().get("error_description").asText()).contains("client_credentials");
        assertThat(password.header("Cache-Control")).contains("no-store");

        var noGrantType = tokenRequest(anonymous(), form("client_id", app.appKey(), "client_secret", app.secret()));
        assertThat(noGrantType.json().get("error").asText()).isEqualTo("invalid_request");
        var json = anonymous().post("/api/v1/oauth/token", java.util.Map.of("grant_type", "client_credentials"));
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().get("error").asText()).isEqualTo("invalid_request");
        var inAddress = anonymous().sendRaw("POST", "/api/v1/oauth/token?client_secret=" + app.secret(),
                form("grant_type", "client_credentials", "client_id", app.appKey()),
                "application/x-www-form-urlencoded");
        assertThat(inAddress.json().get("error").asText()).isEqualTo("invalid_request");
        var twice = tokenRequest(anonymous(), "grant_type=client_credentials&grant_type=client_credentials");
        assertThat(twice.json().get("error").asText()).isEqualTo("invalid_request");
        String basic = Base64.getEncoder().encodeToString((app.appKey() + ":" + app.secret())
                .getBytes(StandardCharsets.UTF_8));
        var both = tokenRequest(anonymous().withHeader("Authorization", "Basic " + basic),
                form("grant_type", "client_credentials", "client_secret", app.secret()));
        assertThat(both.json().get("error").asText()).isEqualTo("invalid_request");
        var foreignScope = tokenRequest(anonymous(), form("grant_type", "client_credentials", "client_id",
                app.appKey(), "client_secret", app.secret(), "scope", "user.read audit.read"));
        assertThat(foreignScope.status()).isEqualTo(400);
        assertThat(foreignScope.json().get("error").asText()).isEqualTo("invalid_scope");
        assertThat(foreignScope.code()).isEqualTo("openplatform.invalid_scope");

        var noCredentials = tokenRequest(anonymous(), form("grant_type", "client_credentials"));
        assertThat(noCredentials.status()).isEqualTo(401);
        assertThat(noCredentials.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(noCredentials.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(tokens(app)).isZero();
    }

    @Test
    void aWrongSecretIsRefusedLikeAnUnknownAppAndAudited() {
        Org org = newOrganisation();
        App app = register(org.admin(), "Guessed", "user.read");

        var unknown = grant("ding0000000000000000", app.secret());
        var wrong = grant(app.appKey(), app.secret() + "x");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo(unknown.code()).isEqualTo("openplatform.invalid_client");
        assertThat(wrong.json().get("detail").asText()).isEqualTo(unknown.json().get("detail").asText());
        assertThat(wrong.body()).doesNotContain(app.secret());
        List<String> refusals = auditChanges(org, "openplatform.token.refused");
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0)).contains("openplatform.invalid_client").doesNotContain(app.secret());
        assertThat(jdbc.sql("select actor_ref || ' ' || target_id from cmp_audit_record where chain = :c"
                        + " and action = 'openplatform.token.refused'").param("c", tenantId(org))
                .query(String.class).single()).isEqualTo("system:token-endpoint " + app.appKey());
        assertThat(tokens(app)).isZero();
    }

    @Test
    void tokensStopAfterTwoHoursAndForgedOnesNeverWork() {
        Org org = newOrganisation();
        Api app = asApp(register(org.admin(), "Short lived", "user.read"));
        assertThat(app.get("/api/v1/users").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(7_199));
        assertThat(app.get("/api/v1/users").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        var expired = app.get("/api/v1/users");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("auth.required");

        for (String forged : List.of("lat.forged", "lat." + "A".repeat(43), "lat." + "x".repeat(300))) {
            assertThat(app.withToken(forged).get("/api/v1/users").status()).as(forged).isEqualTo(401);
        }
    }

    @Test
    void rotatedSecretsWorkThroughTheirGracePeriodAndThenNot() {
        Org org = newOrganisation();
        App app = register(org.admin(), "Rotating", "user.read");
        Api oldToken = asApp(app);

        var rotated = org.admin().post("/api/v1/apps/" + app.id() + "/secrets", java.util.Map.of("graceDays", 2));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        String newSecret = rotated.json().get("value").asText();
        var secrets = org.admin().get("/api/v1/apps/" + app.id() + "/secrets").json();
        assertThat(secrets.findValuesAsText("state")).containsExactly("active", "grace");
        assertThat(grant(app.appKey(), app.secret()).status()).isEqualTo(200);
        assertThat(grant(app.appKey(), newSecret).status()).isEqualTo(200);
        assertThat(oldToken.get("/api/v1/users").status()).isEqualTo(200);

        clock.advance(Duration.ofDays(2));
        var retired = grant(app.appKey(), app.secret());
        assertThat(retired.status()).isEqualTo(401);
        assertThat(retired.code()).isEqualTo("openplatform.secret_grace_ended");
        assertThat(retired.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(retired.json().get("detail").asText()).contains("grace period ended");
        assertThat(grant(app.appKey(), newSecret).status()).isEqualTo(200);
        assertThat(auditChanges(org, "openplatform.token.refused")).singleElement()
                .satisfies(changes -> assertThat(changes).contains("openplatform.secret_grace_ended"));

        clock.advance(Duration.ofDays(88));
        var expired = grant(app.appKey(), newSecret);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("openplatform.secret_expired");
    }

    @Test
    void aRotationWithoutGraceStopsTheOldSecretAndItsTokensAtOnce() {
        Org org = newOrganisation();
        App app = register(org.admin(), "Compromised", "user.read");
        Api oldToken = asApp(app);

        var rotated = org.admin().post("/api/v1/apps/" + app.id() + "/secrets", java.util.Map.of("graceDays", 0));
        assertThat(rotated.status()).isEqualTo(201);

        assertThat(oldToken.get("/api/v1/users").status()).isEqualTo(401);
        assertThat(grant(app.appKey(), app.secret()).code()).isEqualTo("openplatform.secret_grace_ended");
        assertThat(grant(app.appKey(), rotated.json().get("value").asText()).status()).isEqualTo(200);
    }

    @Test
    void revokingASecretOrDisablingTheAppStopsItsTokensAtOnce() {
        Org org = newOrganisation();
        App app = register(org.admin(), "Stoppable", "user.read");
        Api token = asApp(app);
        long secretId = app.body().get("secret").get("id").asLong();

        assertThat(org.admin().post("/api/v1/apps/" + app.id() + "/disable", null).status()).isEqualTo(200);
        assertThat(token.get("/api/v1/users").status()).isEqualTo(401);
        var disabled = grant(app.appKey(), app.secret());
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.code()).isEqualTo("openplatform.app_disabled");
        assertThat(disabled.json().get("error").asText()).isEqualTo("unauthorized_client");

        assertThat(org.admin().post("/api/v1/apps/" + app.id() + "/enable", null).status()).isEqualTo(200);
        assertThat(token.get("/api/v1/users").status()).isEqualTo(200);

        var revoked = org.admin().post("/api/v1/apps/" + app.id() + "/secrets/" + secretId + "/revoke", null);
        assertThat(revoked.json().get("state").asText()).isEqualTo("revoked");
        assertThat(token.get("/api/v1/users").status()).isEqualTo(401);
        assertThat(grant(app.appKey(), app.secret()).code()).isEqualTo("openplatform.secret_revoked");
        assertThat(auditCount(org, "openplatform.token.refused")).isEqualTo(2);
    }

    @Test
    void aSuspendedOrganisationsAppsGetNoTokens() {
        Org org = newOrganisation();
        App app = register(org.admin(), "Suspended", "user.read");
        jdbc.sql("update tenant set status = 'SUSPENDED' where id = :id").param("id", tenantId(org)).update();

        var refused = grant(app.appKey(), app.secret());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("openplatform.organisation_suspended");
        assertThat(tokens(app)).isZero();
    }

    @Test
    void theAllowListDecidesWhichAddressesMayUseTheApp() {
        Org org = newOrganisation();
        App elsewhere = register(org.admin(), "Office only", List.of("user.read"), List.of("10.0.0.0/8"));
        var refused = grant(elsewhere.appKey(), elsewhere.secret());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("openplatform.ip_not_allowed");
        assertThat(auditChanges(org, "openplatform.token.refused")).singleElement()
                .satisfies(changes -> assertThat(changes).contains("openplatform.ip_not_allowed"));

        App local = register(org.admin(), "Local", List.of("user.read"), List.of("127.0.0.1", "::1/128"));
        Api token = asApp(local);
        assertThat(token.get("/api/v1/users").status()).isEqualTo(200);
        var moved = org.admin().patch("/api/v1/apps/" + local.id(),
                java.util.Map.of("ipAllowList", List.of("192.0.2.0/24", "2001:db8::/32")));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        var outside = token.get("/api/v1/users");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.code()).isEqualTo("openplatform.ip_not_allowed");
    }

    @Test
    void anAppOfAnotherOrganisationFindsNothingHere() {
        Org mine = newOrganisation();
        Org theirs = newOrganisation();
        Api theirApp = asApp(register(theirs.admin(), "Neighbour", "user.read", "department.read",
                "pii.mobile.read"));
        long myDepartment = mine.admin().post("/api/v1/departments", java.util.Map.of("name", "Mine"))
                .json().get("id").asLong();

        assertThat(theirApp.get("/api/v1/users/" + mine.adminUserId()).status()).isEqualTo(404);
        assertThat(theirApp.get("/api/v1/departments/" + myDepartment).status()).isEqualTo(404);
        assertThat(theirApp.post("/api/v1/users/" + mine.adminUserId() + "/protected-fields/mobile/reveal", null)
                .status()).isEqualTo(404);
        assertThat(theirApp.get("/api/v1/users").json().get("items").findValuesAsText("userId"))
                .doesNotContain(mine.adminUserId());
    }

    @Test
    void revealingAProtectedFieldNeedsItsScopeAndIsAuditedAsTheApp() {
        Org org = newOrganisation();
        App registered = register(org.admin(), "Contact sync", "user.read", "pii.mobile.read");
        Api app = asApp(registered);

        var mobile = app.post("/api/v1/users/" + org.adminUserId() + "/protected-fields/mobile/reveal", null);
        assertThat(mobile.status()).as(mobile.body()).isEqualTo(200);
        assertThat(mobile.json().get("value").asText()).startsWith("+8529");
        assertThat(mobile.header("Cache-Control")).contains("no-store");
        var audit = jdbc.sql("select actor_kind, actor_ref, actor_name, changes from cmp_audit_record"
                        + " where chain = :c and action = 'compliance.field.revealed'")
                .param("c", tenantId(org)).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).single();
        assertThat(audit.subList(0, 3)).containsExactly("APP", "app:" + registered.appKey(), "Contact sync");
        assertThat(audit.get(3)).contains("mobile").doesNotContain(mobile.json().get("value").asText());

        var hkid = app.post("/api/v1/users/" + org.adminUserId() + "/protected-fields/hkid/reveal", null);
        assertThat(hkid.status()).isEqualTo(403);
        assertThat(hkid.code()).isEqualTo("openplatform.scope_missing");
        assertThat(hkid.json().get("scope").asText()).isEqualTo("pii.hkid.read");
        assertThat(auditCount(org, "compliance.field.revealed")).isEqualTo(1);
    }

    private long tokens(App app) {
        return jdbc.sql("select count(*) from opf_app_token where app_id = :id").param("id", app.id())
                .query(Long.class).single();
    }
}
