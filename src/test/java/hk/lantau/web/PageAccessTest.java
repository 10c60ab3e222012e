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

/**
 * The pages keep the same rules as the API: each person sees only their own organisation,
 * permissions decide what a page shows, protected values stay masked unless revealed (and the
 * reveal is audited), and every form needs its CSRF token.
 */
class PageAccessTest extends ApiTestSupport {

    @Autowired
    private Accounts accounts;

    @Test
    void signInFormNeedsItsTokenAndExplainsRefusalsInThePagesLanguage() {
        PageClient browser = new PageClient(baseUrl());
        assertThat(browser.get("/admin/users").location()).endsWith("/signin");

        var noToken = browser.postRaw("/signin", Map.of("email", "nobody@example.hk", "password", "x"));
        assertThat(noToken.status()).isEqualTo(403);

        browser.get("/signin?lang=en");
        var wrong = browser.post("/signin", Map.of("email", "nobody@example.hk", "password", "wrong-password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("The e-mail address or password is wrong.");

        browser.get("/signin?lang=zh-HK");
        assertThat(browser.cookie("LANTAU_LANG")).isEqualTo("zh-HK");
        var wrongZh = browser.post("/signin", Map.of("email", "nobody@example.hk", "password", "wrong-password"));
        assertThat(wrongZh.body()).contains("電郵地址或密碼不正確").contains("lang=\"zh-HK\"");
    }

    @Test
    void pagesShowOnlyTheSignedInPersonsOrganisation() {
        Org mine = newOrganisation();
        Org theirs = newOrganisation();
        String theirPerson = createPerson(theirs.admin(), "Other Person", null);
        long theirDepartment = theirs.admin().post("/api/v1/departments", Map.of("name", "Secret Unit"))
                .json().get("id").asLong();

        PageClient browser = new PageClient(baseUrl());
        assertThat(signIn(browser, mine.adminEmail()).location()).endsWith("/");

        assertThat(browser.get("/admin/users/" + theirPerson).status()).isEqualTo(404);
        assertThat(browser.get("/admin/users/" + theirPerson + "/edit").status()).isEqualTo(404);
        assertThat(browser.get("/admin/departments?id=" + theirDepartment).status()).isEqualTo(404);
        var users = browser.get("/admin/users?q=Other");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).doesNotContain("Other Person");
        var reveal = browser.htmxPost("/admin/users/" + theirPerson + "/reveal/mobile");
        assertThat(reveal.status()).isEqualTo(404);
    }

    @Test
    void staffSeeTheDirectoryButNotTheAdminPages() {
        Org org = newOrganisation();
        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
        String staff = createPerson(org.admin(), "Staff Member", email);
        giveAccount(org, staff, email);

        PageClient browser = new PageClient(baseUrl());
        browser.signIn(email, PASSWORD);
        var home = browser.get("/");
        assertThat(home.body()).contains("href=\"/admin/users\"").doesNotContain("href=\"/admin/roles\"")
                .doesNotContain("href=\"/admin/organisation\"").doesNotContain("href=\"/admin/audit\"");
        assertThat(browser.get("/admin/users").status()).isEqualTo(200);
        var roles = browser.get("/admin/roles");
        assertThat(roles.status()).isEqualTo(403);
        assertThat(roles.body()).contains("You cannot open this page").contains("<title>Not allowed · Lantau</title>");
        assertThat(browser.get("/admin/organisation").status()).isEqualTo(403);
        assertThat(browser.get("/admin/audit").status()).isEqualTo(403);
        assertThat(browser.get("/admin/users/new").status()).isEqualTo(403);
        assertThat(browser.get("/operator/organisations").status()).isEqualTo(404);
        assertThat(browser.post("/admin/departments", Map.of("parentId", "1", "name", "Mine")).status())
                .isEqualTo(403);
    }

    @Test
    void protectedValuesStayMaskedUntilAnAuditedReveal() {
        Org org = newOrganisation();
        var created = org.admin().post("/api/v1/users", Map.of("name", "Lee Ka Ho", "email",
                "kh.lee-" + UUID.randomUUID().toString().substring(0, 6) + "@example.hk", "mobile", "+852 6111 2233",
                "hkid", "A123456(3)"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String userId = created.json().get("userId").asText();

        PageClient browser = new PageClient(baseUrl());
        signIn(browser, org.adminEmail());
        var profile = browser.get("/admin/users/" + userId);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).doesNotContain("61112233").doesNotContain("6111 2233").doesNotContain("A123456")
                .contains("data-field=\"mobile\"");
        assertThat(browser.get("/admin/users/" + userId + "/edit").body()).doesNotContain("61112233")
                .doesNotContain("A123456");

        var mobile = browser.htmxPost("/admin/users/" + userId + "/reveal/mobile");
        assertThat(mobile.status()).isEqualTo(200);
        assertThat(mobile.body()).contains("6111").contains("2233");
        assertThat(mobile.cacheControl()).contains("no-store");

        var hkid = browser.htmxPost("/admin/users/" + userId + "/reveal/hkid");
        assertThat(hkid.status()).as("admins may not reveal HKID numbers").isEqualTo(422);
        assertThat(hkid.body()).doesNotContain("A123456");

        var audit = browser.get("/admin/audit?action=compliance.field.revealed");
        assertThat(audit.body()).contains("data-action=\"compliance.field.revealed\"").contains(userId);
        Matcher export = Pattern.compile("href=\"(/api/v1/audit/export\\?format=csv[^\"]*)\"").matcher(audit.body());
        assertThat(export.find()).as("the page links the CSV export").isTrue();
        var csv = browser.get(export.group(1).replace("&amp;", "&"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("compliance.field.revealed").contains(userId).doesNotContain("61112233");
    }

    @Test
    void formsWithoutTheirTokenAreRefusedWithTheExpiredFormPage() {
        Org org = newOrganisation();
        PageClient browser = new PageClient(baseUrl());
        signIn(browser, org.adminEmail());
        var refused = browser.postRaw("/admin/organisation", Map.of("name", "Hijacked", "timeZone", "Asia/Hong_Kong"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("This form has expired").doesNotContain("Exception");
        assertThat(org.admin().get("/api/v1/org").json().get("name").asText()).isNotEqualTo("Hijacked");

        browser.get("/admin/organisation");
        var saved = browser.post("/admin/organisation", Map.of("name", "Renamed " + org.corpId(),
                "timeZone", "Asia/Hong_Kong"));
        assertThat(saved.location()).endsWith("/admin/organisation?done=saved");
        assertThat(org.admin().get("/api/v1/org").json().get("name").asText()).isEqualTo("Renamed " + org.corpId());
    }

    @Test
    void errorPagesKeepTheLookAndShowNoInternals() {
        Org org = newOrganisation();
        PageClient browser = new PageClient(baseUrl());
        signIn(browser, org.adminEmail());
        var missing = browser.get("/admin/nowhere");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").contains("/css/app").contains("href=\"/admin/users\"")
                .doesNotContain("Exception").doesNotContain("at hk.lantau");
        var noSuchPerson = browser.get("/admin/users/nobody-here");
        assertThat(noSuchPerson.status()).isEqualTo(404);
        assertThat(noSuchPerson.body()).contains("Page not found").doesNotContain("directory.user_not_found");
    }

    /** Signs in through the form and, for an account with an authenticator, the code step. */
    private PageClient.Page signIn(PageClient browser, String email) {
        return browser.signIn(email, PASSWORD, () -> totpCode(email));
    }

    private String createPerson(Api admin, String name, String email) {
        var response = admin.post("/api/v1/users", Map.of("name", name, "email",
                email != null ? email : "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk",
                "departmentIds", List.of(1)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("userId").asText();
    }

    private void giveAccount(Org org, String userId, String email) {
        long tenantId = jdbc.sql("select id from tenant where corp_id = :corpId").param("corpId", org.corpId())
                .query(Long.class).single();
        long account = accounts.createUserAccount(tenantId, userId, email);
        setPassword(accounts.issueLink(account, LoginLink.Purpose.SETUP).url(), PASSWORD);
    }
}
