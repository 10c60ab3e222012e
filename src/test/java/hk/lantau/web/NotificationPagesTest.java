package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.SystemNotices;
import hk.lantau.support.Polling;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notifications inbox: a person sees the work notifications sent to them, newest first and
 * unread ones marked, marks them read, and never sees anyone else's.
 */
class NotificationPagesTest extends MessagingPagesTestSupport {

    @Autowired
    private SystemNotices systemNotices;

    @Test
    void peopleReadTheirNotificationsAndMarkThemRead() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        long first = notify(org, "Payslips for November are ready.", ann);
        long second = notify(org, "<b>Fire drill</b> on Friday at 3pm", ann, ben);
        var markdown = org.admin().post("/api/v1/notifications", json("content", markdown("Rota",
                "**New rota** <script>alert(1)</script> [open](javascript:alert(2))"),
                "audience", json("userIds", List.of(ann.userId()))));
        assertThat(markdown.status()).as(markdown.body()).isEqualTo(202);
        awaitDelivered(org, markdown.json().get("id").asLong());

        PageClient page = pages(ann);
        var inbox = page.get("/notifications");
        assertThat(inbox.status()).isEqualTo(200);
        String body = inbox.body();
        assertThat(body).contains("href=\"/notifications\"", "data-test=\"notifications-unread\"",
                "&lt;b&gt;Fire drill&lt;/b&gt;", "<strong>New rota</strong>")
                .doesNotContain("<b>Fire drill", "<script>alert", "href=\"javascript:");
        assertThat(body.indexOf("Fire drill")).isLessThan(body.indexOf("Payslips for November"));
        assertThat(page.get("/notifications?lang=zh-HK").body()).contains("收件匣", "標示為已讀");

        var item = page.htmxPost("/notifications/" + first + "/read", Map.of());
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.body()).startsWith("<li").contains("Payslips").doesNotContain("mark-read", "<html");
        var fragment = page.htmxGet("/notifications");
        assertThat(fragment.body()).startsWith("<section id=\"notification-inbox\"").contains(">2<");
        assertThat(pages(ben).get("/notifications").body()).contains("Fire drill")
                .doesNotContain("Payslips");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void nobodyReadsSomeoneElsesNotification() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        long id = notify(org, "Your contract renewal", ann);
        Org other = newOrganisation();
        Person eve = person(other, "Eve Ng");

        for (PageClient page : List.of(pages(ben), pages(eve))) {
            assertThat(page.get("/notifications").body()).doesNotContain("contract renewal");
            assertThat(page.htmxPost("/notifications/" + id + "/read", Map.of()).status()).isEqualTo(404);
        }
        assertThat(pages(ann).get("/notifications").body()).contains("data-test=\"mark-read\"");
    }

    /** Sends a text notification as the organisation's admin and waits for the job to deliver it. */
    private long notify(Org org, String text, Person... to) {
        var response = org.admin().post("/api/v1/notifications", json("content", text(text),
                "audience", json("userIds", java.util.Arrays.stream(to).map(Person::userId).toList())));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        long id = response.json().get("id").asLong();
        awaitDelivered(org, id);
        return id;
    }

    private static void awaitDelivered(Org org, long id) {
        Polling.until("notification " + id + " delivered", () -> org.admin().get("/api/v1/notifications/" + id)
                .json().get("progress").get("status").asInt() == 2);
    }

    @Test
    void lantausOwnNoticesShowInTheReadersLanguage() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        var notice = new MessageContent.SystemNotice("Your approval was agreed: Leave.", "approval.agreed",
                List.of("Ann Lee: Annual leave", "Ann Lee", "https://lantau.example.hk/approvals/a1"));
        assertThat(systemNotices.notify(tenantId(org), List.of(ann.userId()), notice)).containsExactly(ann.userId());

        PageClient page = pages(ann);
        assertThat(page.get("/notifications").body()).contains("Your approval was agreed: Ann Lee: Annual leave.",
                "https://lantau.example.hk/approvals/a1");
        assertThat(page.get("/notifications?lang=zh-HK").body()).contains("你的審批已獲同意：Ann Lee: Annual leave");
    }
}
