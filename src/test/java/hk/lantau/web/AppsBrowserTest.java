package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An organisation admin registers an app through the console, copies its one-time secret, rotates
 * it, and revokes the old secret; the app's credentials work against the API in between.
 */
class AppsBrowserTest extends BrowserTestSupport {

    @Test
    void adminRegistersAnAppAndRotatesItsSecret() {
        Org org = newOrganisation();
        signInAs(org.adminEmail(), PASSWORD);
        waitForPath("/");

        open("/admin/apps?lang=en");
        assertThat(find("main").getText()).contains("No apps yet.");
        screenshot("empty-list");
        click("[data-test=new-app]");
        waitForPath("/admin/apps/new");
        type("#name", "Payroll sync");
        type("#purpose", "Reads people and their bank accounts for the monthly payroll run.");
        type("#description", "Runs on the finance server at 02:00.");
        click("input[name=scopes][value='user.read']");
        click("input[name=scopes][value='pii.bank_account.read']");
        type("#ipAllowList", "127.0.0.1\n::1");
        screenshot("register-form-access");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("register-form");
        click("[data-test=app-form] button[type=submit]");

        WebElement issued = find("[data-test=issued-secret]");
        assertThat(issued.getText()).contains("The app is registered.", "shown only on this page");
        String appKey = find("#issued-key").getAttribute("value");
        String secret = find("[data-test=secret-value]").getAttribute("value");
        assertThat(appKey).startsWith("ding");
        assertThat(secret).hasSize(43);
        assertThat(find("[data-test=app-scopes]").getText()).contains("user.read", "pii.bank_account.read");
        screenshot("registered");
        assertThat(grant(appKey, secret)).isEqualTo(200);

        new org.openqa.selenium.support.ui.Select(find("#graceDays")).selectByValue("7");
        click("[data-test=rotate]");
        waitForText("[data-test=issued-secret] h2", "A new secret is issued.");
        String rotated = find("[data-test=secret-value]").getAttribute("value");
        assertThat(rotated).hasSize(43).isNotEqualTo(secret);
        List<WebElement> rows = all("[data-test=secrets] tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("Active");
        assertThat(rows.get(1).getText()).contains("Replaced, still works");
        screenshot("rotated");
        assertThat(grant(appKey, secret)).isEqualTo(200);
        assertThat(grant(appKey, rotated)).isEqualTo(200);

        rows.get(1).findElement(By.cssSelector("[data-test=revoke]")).click();
        new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
        waitForText("[data-test=secrets] tbody tr:nth-child(2)", "Revoked");
        screenshot("old-secret-revoked");
        assertThat(grant(appKey, secret)).isEqualTo(401);
        assertThat(grant(appKey, rotated)).isEqualTo(200);

        open("/admin/apps");
        assertThat(find("[data-test=apps-table]").getText()).contains("Payroll sync", appKey, "2 scopes", "Active");
        screenshot("list");
        open("/admin/apps/new?lang=zh-HK");
        waitForText("h1", "登記應用程式");
        screenshot("register-form-zh");
    }

    private int grant(String appKey, String secret) {
        return anonymous().sendRaw("POST", "/api/v1/oauth/token", "grant_type=client_credentials&client_id=" + appKey
                + "&client_secret=" + secret, "application/x-www-form-urlencoded").status();
    }
}
