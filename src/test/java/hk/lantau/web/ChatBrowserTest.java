package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import hk.lantau.support.Api;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people in two browsers with their own cookies: one writes, the other sees the message arrive
 * over the WebSocket without reloading and reads it, and the writer sees the receipt count change
 * live. Nothing here polls the server: the pages only change through the event stream.
 */
class ChatBrowserTest extends BrowserTestSupport {

    private static final Duration LIVE = Duration.ofSeconds(15);

    @Autowired
    private Accounts accounts;

    @Test
    void aMessageArrivesLiveAndTheSenderSeesItRead() throws IOException {
        Org org = newOrganisation();
        String ann = person(org, "Ann Lee");
        String ben = person(org, "Ben Chan");
        String cat = person(org, "Cat Wong");
        Api annApi = as(ann, PASSWORD);
        var created = annApi.post("/api/v1/conversations/groups", Map.of("name", "Harbour project",
                "memberIds", List.of(userId(org, ben), userId(org, cat))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String group = created.json().get("id").asText();

        WebDriver annBrowser = browser;
        signInAs(ann, PASSWORD);
        open("/chat/" + group + "?lang=en");
        waitLive();

        WebDriver benBrowser = anotherBrowser();
        use(benBrowser);
        signInAs(ben, PASSWORD);
        open("/chat?lang=en");
        waitLive();
        ((JavascriptExecutor) browser).executeScript("document.body.setAttribute('data-not-reloaded', 'yes')");
        // Lantau's notice that the group was created is unread already.
        int unreadBefore = Integer.parseInt(find("[data-conversation='" + group + "'] [data-test=unread]").getText());
        screenshot("ben-list-before");

        use(annBrowser);
        type("[data-test=composer]", "Morning all, the tender is due on Friday.");
        find("[data-test=composer]").sendKeys(Keys.ENTER);
        waitForText("#messages .message.own:last-of-type .bubble", "the tender is due on Friday");
        assertThat(find("#messages .message.own:last-of-type [data-test=receipt]").getText())
                .isEqualTo("Read by 0 · 2 unread");
        screenshot("ann-sent");

        use(benBrowser);
        new WebDriverWait(browser, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-conversation='" + group + "'] [data-test=unread]"),
                String.valueOf(unreadBefore + 1)));
        assertThat(find("[data-conversation='" + group + "']").getText())
                .contains("Harbour project", "Ann Lee: Morning all");
        assertThat(find("body").getAttribute("data-not-reloaded")).isEqualTo("yes");
        screenshot("ben-list-unread-live");
        click("[data-conversation='" + group + "']");
        waitForPath("/chat/" + group);
        waitLive();
        waitForText("#messages", "the tender is due on Friday");
        ((JavascriptExecutor) browser).executeScript("document.body.setAttribute('data-not-reloaded', 'yes')");

        use(annBrowser);
        new WebDriverWait(browser, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages .message.own:last-of-type [data-test=receipt]"), "Read by 1 · 1 unread"));
        screenshot("ann-read-by-ben");

        type("[data-test=composer]", "@Ben Chan can you check the figures?");
        click("[data-test=send]");

        use(benBrowser);
        new WebDriverWait(browser, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages .message.theirs:last-of-type"), "can you check the figures?"));
        assertThat(find("#messages .message.theirs:last-of-type").getAttribute("class")).contains("mentions-me");
        assertThat(find("body").getAttribute("data-not-reloaded")).isEqualTo("yes");
        screenshot("ben-sees-it-live");

        use(annBrowser);
        new WebDriverWait(browser, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages .message.own:last-of-type [data-test=receipt]"), "Read by 1 · 1 unread"));
        click("#messages .message.own:last-of-type [data-test=receipt]");
        waitForText("[data-test=read-list]", "Ben Chan");
        assertThat(find("[data-test=unread-list]").getText()).contains("Cat Wong");
        screenshot("ann-receipts");
        click("[data-dialog-close]");

        use(benBrowser);
        type("[data-test=composer]", "On it.");
        find("[data-test=composer]").sendKeys(Keys.ENTER);
        waitForText("#messages .message.own:last-of-type .bubble", "On it.");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("ben-phone");
        open("/chat/" + group + "?lang=zh-HK");
        new WebDriverWait(browser, LIVE).until(ExpectedConditions.attributeToBe(
                By.cssSelector("[data-test=composer]"), "placeholder", "輸入訊息"));
        screenshot("ben-phone-zh");

        use(annBrowser);
        new WebDriverWait(browser, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages .message.theirs:last-of-type"), "On it."));
        screenshot("ann-conversation");
    }

    private void waitLive() {
        new WebDriverWait(browser, LIVE).until(d -> "live".equals(
                d.findElement(By.tagName("body")).getAttribute("data-stream-state")));
    }

    /** A person with a password, returned as their sign-in e-mail. */
    private String person(Org org, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.hk";
        var created = org.admin().post("/api/v1/users", Map.of("name", name, "email", email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long tenantId = jdbc.sql("select id from tenant where corp_id = :c").param("c", org.corpId())
                .query(Long.class).single();
        long account = accounts.createUserAccount(tenantId, created.json().get("userId").asText(), email);
        setPassword(accounts.issueLink(account, LoginLink.Purpose.SETUP).url(), PASSWORD);
        return email;
    }

    private String userId(Org org, String email) {
        return jdbc.sql("select u.userid from dir_user u join tenant t on t.id = u.tenant_id "
                        + "where t.corp_id = :c and u.email = :e")
                .param("c", org.corpId()).param("e", email).query(String.class).single();
    }
}
