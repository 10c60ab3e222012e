package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app pages keep the API's rules: only people with apps.manage reach them, each sees only
 * their organisation's apps, bad input comes back to the form, and a secret is shown only once.
 */
class AppPagesTest extends hk.lantau.support.ApiTestSupport {

    private static final Pattern SECRET = Pattern.compile("id=\"issued-secret\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern APP_ID = Pattern.compile("action=\"/admin/apps/(\\d+)/secrets\"");

    @Autowired
    private Accounts accounts;

    @Test
    void adminsRegisterAnAppAndSeeItsSecretOnlyOnce() {
        Org org = newOrganisation();
        PageClient browser = signedIn(org.adminEmail());
        assertThat(browser.get("/").body()).contains("href=\"/admin/apps\"");
        assertThat(browser.get("/admin/apps").body()).contains("No apps yet.");
        assertThat(browser.get("/admin/apps/new").body()).contains("pii.hkid.read", "Protected personal data");

        var refused = browser.postAll("/admin/apps", List.of(Map.entry("name", "Door system"),
                Map.entry("purpose", "Opens doors"), Map.entry("scopes", "user.read"),
                Map.entry("ipAllowList", "10.0.0.0/33"), Map.entry("rateLimitPerMinute", "600")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("prefix length outside 0..32").contains("Door system");
        assertThat(browser.get("/admin/apps").body()).doesNotContain("Door system");

        var registered = browser.postAll("/admin/apps", List.of(Map.entry("name", "Door system"),
                Map.entry("purpose", "Opens doors for staff"), Map.entry("scopes", "user.read"),
                Map.entry("scopes", "department.read"), Map.entry("ipAllowList", "127.0.0.1\n::1"),
                Map.entry("rateLimitPerMinute", "120")));
        assertThat(registered.status()).isEqualTo(200);
        Matcher secret = SECRET.matcher(registered.body());
        assertThat(secret.find()).as(registered.body()).isTrue();
        Matcher id = APP_ID.matcher(registered.body());
        assertThat(id.find()).isTrue();
        String appKey = jdbc.sql("select app_key from opf_app where id = :id").param("id", Long.parseLong(id.group(1)))
                .query(String.class).single();
        var token = anonymous().sendRaw("POST", "/api/v1/oauth/token", "grant_type=client_credentials&client_id="
                + appKey + "&client_secret=" + secret.group(1), "application/x-www-form-urlencoded");
        assertThat(token.status()).isEqualTo(200);

        var page = browser.get("/admin/apps/" + id.group(1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Door system", appKey, "department.read", "127.0.0.1/32", "::1/128")
                .doesNotContain(secret.group(1));
        assertThat(browser.get("/admin/apps").body()).contains("Door system", "2 scopes");
    }

    @Test
    void rotatingShowsTheNewSecretAndRevokingSwapsTheRow() {
        Org org = newOrganisation();
        var app = org.admin().post("/api/v1/apps", Map.of("name", "Rota", "purpose", "Rosters",
                "scopes", List.of("user.read"))).json();
        long id = app.get("id").asLong();
        PageClient browser = signedIn(org.adminEmail());
        browser.get("/admin/apps/" + id);

        var rotated = browser.post("/admin/apps/" + id + "/secrets", Map.of("graceDays", "0"));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.body()).contains("A new secret is issued.").contains("Replaced");
        Matcher secret = SECRET.matcher(rotated.body());
        assertThat(secret.find()).isTrue();

        long newest = jdbc.sql("select max(id) from opf_app_secret where app_id = :id").param("id", id)
                .query(Long.class).single();
        var row = browser.htmxPost("/admin/apps/" + id + "/secrets/" + newest + "/revoke");
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.body()).startsWith("<tr").contains("Revoked").doesNotContain("<html");
        assertThat(browser.get("/admin/apps/" + id).body()).contains("No secret of this app works");
    }

    @Test
    void peopleWithoutTheRightAndOtherOrganisationsFindNothing() {
        Org mine = newOrganisation();
        Org theirs = newOrganisation();
        long id = mine.admin().post("/api/v1/apps", Map.of("name", "Private", "purpose", "Mine",
                "scopes", List.of("user.read"))).json().get("id").asLong();

        PageClient other = signedIn(theirs.adminEmail());
        assertThat(other.get("/admin/apps/" + id).status()).isEqualTo(404);
        assertThat(other.post("/admin/apps/" + id + "/disable", Map.of()).status()).isEqualTo(404);
        assertThat(other.post("/admin/apps/" + id + "/secrets", Map.of()).status()).isEqualTo(404);
        assertThat(other.get("/admin/apps").body()).doesNotContain("Private");

        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
        var staff = mine.admin().post("/api/v1/users", Map.of("name", "Staff", "email", email)).json();
        long tenantId = jdbc.sql("select tenant_id from opf_app where id = :id").param("id", id)
                .query(Long.class).single();
        long account = accounts.createUserAccount(tenantId, staff.get("userId").asText(), email);
        setPassword(accounts.issueLink(account, LoginLink.Purpose.SETUP).url(), PASSWORD);
        PageClient person = signedIn(email);
        assertThat(person.get("/").body()).doesNotContain("href=\"/admin/apps\"");
        assertThat(person.get("/admin/apps").status()).isEqualTo(403);
        assertThat(person.get("/admin/apps/" + id).status()).isEqualTo(403);
        assertThat(jdbc.sql("select status from opf_app where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ACTIVE");
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
