package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.Mfa;
import hk.lantau.shared.LantauException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo organisation's administrator sets up two-step sign-in from the enrolment page, signs
 * in again with a code, reveals a colleague's mobile number and finds that reveal in the audit
 * viewer.
 */
@TestPropertySource(properties = "lantau.demo=true")
class RevealAuditBrowserTest extends BrowserTestSupport {

    private static final String DEMO_ADMIN = "chankayan@demotrading.example";
    private static final String COLLEAGUE = "pangsiuwai";

    @Autowired
    private Accounts accounts;

    @Autowired
    private Mfa mfa;

    private long demoTenant;

    /**
     * The demo prints its shared password once, when it loads; here the admin gets a known
     * password, and any authenticator an earlier test enrolled is removed so the enrolment page
     * shows.
     */
    @BeforeEach
    void prepareDemoAdmin() {
        demoTenant = jdbc.sql("select id from tenant where name = 'Demo Trading Ltd'").query(Long.class).single();
        long account = accounts.accountOf(demoTenant, "chankayan").orElseThrow();
        accounts.setPassword(account, PASSWORD);
        try {
            mfa.remove(demoTenant, "chankayan", account);
        } catch (LantauException notEnrolled) {
            // A fresh demo: nothing to remove.
        }
    }

    @Test
    void adminWithTwoStepSignInRevealsAFieldAndFindsTheRevealInTheAuditTrail() {
        open("/signin?lang=en");
        type("#email", DEMO_ADMIN);
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
        type("#email", DEMO_ADMIN);
        type("#password", PASSWORD);
        click("form[action='/signin'] button[type=submit]");
        waitForPath("/mfa");
        type("#code", code(secret));
        screenshot("code-step");
        click("[data-test=mfa-form] button[type=submit]");
        waitForPath("/");
        assertThat(find("h1").getText()).contains("Chan Ka Yan");
        screenshot("home");

        open("/admin/users/" + COLLEAGUE);
        WebElement mobile = find("[data-field=mobile]");
        assertThat(mobile.getText()).contains("*").doesNotContain("5123 0022").doesNotContain("51230022");
        click("[data-field=mobile] [data-test=reveal]");
        waitForText("[data-field=mobile] [data-test=revealed]", "0022");
        screenshot("revealed");

        open("/admin/audit?lang=en");
        type("#action", "compliance.field.revealed");
        click("[data-test=audit-filters] button[type=submit]");
        WebElement row = find("[data-test=audit-table] tbody tr[data-action='compliance.field.revealed']");
        assertThat(row.getText()).contains("Chan Ka Yan", "Protected field revealed", COLLEAGUE);
        row.findElement(By.cssSelector("details summary")).click();
        assertThat(row.getText()).contains("mobile").doesNotContain("0022");
        screenshot("audit");
    }

    /** The code the person's app would show now, from the TOTP library itself. */
    private String code(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, Math.floorDiv(clock.instant().getEpochSecond(), 30));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
