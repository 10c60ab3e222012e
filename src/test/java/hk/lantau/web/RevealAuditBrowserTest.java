package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator sets up two-step sign-in from the enrolment page, signs in again with a code,
 * reveals a person's protected field and finds that reveal in the audit viewer.
 */
class RevealAuditBrowserTest extends BrowserTestSupport {

    @Autowired
    private Accounts accounts;

    @Test
    void adminWithTwoStepSignInRevealsAFieldAndFindsTheRevealInTheAuditTrail() {
        Org org = newOrganisation();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "second-admin-" + suffix + "@example.hk";
        String admin = createPerson(org, "Ho Wing Sze " + suffix, adminEmail, "+852 6" + digits(suffix) + " 0001",
                List.of("admin"));
        String person = createPerson(org, "Cheung Mei Ling " + suffix, "ml.cheung-" + suffix + "@example.hk",
                "+852 9" + digits(suffix) + " 4321", List.of());
        giveAccount(org, admin, adminEmail);

        open("/signin?lang=en");
        type("#email", adminEmail);
        type("#password", PASSWORD);
        click("form[action='/signin'] button[type=submit]");
        waitForPath("/mfa/enrol");
        assertThat(find("[data-test=qr-code]").getAttribute("src")).startsWith("data:image/png;base64,");
        click("details.secret > summary");
        String secret = find("[data-test=totp-secret]").getAttribute("data-secret");
        screenshot("enrolment");
        type("#code", code(secret));
        click("[data-test=enrol-form] button[type=submit]");
        waitForText("[data-test=done]", "Two-step sign-in is on.");
        assertThat(find("[data-test=mfa-on]").getText()).contains("On");
        screenshot("enrolled");

        click("details.user-menu > summary");
        click("[data-test=sign-out]");
        waitForPath("/signin");
        clock.advance(Duration.ofSeconds(30));
        open("/signin?lang=en");
        type("#email", adminEmail);
        type("#password", PASSWORD);
        click("form[action='/signin'] button[type=submit]");
        waitForPath("/mfa");
        type("#code", code(secret));
        screenshot("code-step");
        click("[data-test=mfa-form] button[type=submit]");
        waitForPath("/");
        assertThat(find("h1").getText()).contains("Ho Wing Sze");

        open("/admin/users/" + person);
        WebElement mobile = find("[data-field=mobile]");
        assertThat(mobile.getText()).contains("*").doesNotContain("4321 ");
        click("[data-field=mobile] [data-test=reveal]");
        waitForText("[data-field=mobile] [data-test=revealed]", "4321");
        screenshot("revealed");

        open("/admin/audit?lang=en");
        type("#action", "compliance.field.revealed");
        click("[data-test=audit-filters] button[type=submit]");
        WebElement row = find("[data-test=audit-table] tbody tr[data-action='compliance.field.revealed']");
        assertThat(row.getText()).contains("Ho Wing Sze", "Protected field revealed", person);
        row.findElement(By.cssSelector("details summary")).click();
        assertThat(row.getText()).contains("mobile").doesNotContain("4321");
        screenshot("audit");
    }

    private String createPerson(Org org, String name, String email, String mobile, List<String> roles) {
        var response = org.admin().post("/api/v1/users", Map.of("name", name, "email", email, "mobile", mobile,
                "roleKeys", roles));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("userId").asText();
    }

    private void giveAccount(Org org, String userId, String email) {
        long tenantId = jdbc.sql("select id from tenant where corp_id = :corpId").param("corpId", org.corpId())
                .query(Long.class).single();
        long account = accounts.createUserAccount(tenantId, userId, email);
        setPassword(accounts.issueLink(account, LoginLink.Purpose.SETUP).url(), PASSWORD);
    }

    /** The code the person's app would show now, from the TOTP library itself. */
    private String code(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, Math.floorDiv(clock.instant().getEpochSecond(), 30));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digits(String suffix) {
        return String.format("%03d", Math.abs(suffix.hashCode()) % 1000);
    }
}
