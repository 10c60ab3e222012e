package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DING in the workspace: the banner follows a person to every page until they confirm, the form
 * sends only what the DING rules accept, and the sender watches confirmations; nobody else sees a
 * DING that is not theirs.
 */
class DingPagesTest extends MessagingPagesTestSupport {

    @Test
    void theBannerShowsOnEveryPageUntilTheRecipientConfirms() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        long id = ding(ann, "Server room alarm, call me now", ben);

        PageClient page = pages(ben);
        for (String path : List.of("/", "/chat", "/account/sessions")) {
            assertThat(page.get(path).body()).contains("data-test=\"ding-banner\"", "DING from Ann Lee",
                    "Server room alarm, call me now");
        }
        assertThat(page.get("/?lang=zh-HK").body()).contains("來自 Ann Lee 的 DING", ">確認<");
        assertThat(pages(ann).get("/").body()).doesNotContain("data-test=\"ding-banner\"");

        var banner = page.htmxPost("/dings/" + id + "/confirm", Map.of());
        assertThat(banner.status()).isEqualTo(200);
        assertThat(banner.body()).startsWith("<div id=\"ding-banner\"").doesNotContain("Server room alarm");
        assertThat(page.get("/").body()).doesNotContain("data-test=\"ding-banner\"");
        assertThat(ann.api().get("/api/v1/dings/" + id).json().get("confirmedCount").asInt()).isEqualTo(1);
    }

    @Test
    void theSenderWritesADingAndWatchesConfirmations() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        Person cat = person(org, "Cat Wong");
        PageClient page = pages(ann);
        assertThat(page.get("/dings/new").body()).contains("Ben Chan", "Cat Wong", "Organisation’s default");

        var sent = page.postAll("/dings", List.of(Map.entry("text", "Fire drill at 3pm, confirm please"),
                Map.entry("recipients", ben.userId()), Map.entry("recipients", cat.userId()),
                Map.entry("remindEveryMinutes", "5"), Map.entry("reminders", "2"), Map.entry("emailFrom", "never"),
                Map.entry("smsFrom", "")));
        assertThat(sent.status()).isEqualTo(302);
        String path = sent.location().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        var detail = page.get(path + "?done=sent");
        assertThat(detail.body()).contains("The DING is sent.", "0 of 2 confirmed", "Ben Chan", "Cat Wong",
                "data-refresh=\"" + path + "/recipients\"");
        assertThat(page.get("/dings").body()).contains("Fire drill at 3pm", "0 of 2 confirmed");

        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        assertThat(ben.api().post("/api/v1/dings/" + id + "/confirm", Map.of()).status()).isEqualTo(200);
        assertThat(page.htmxGet(path + "/recipients").body()).startsWith("<div id=\"ding-recipients\"")
                .contains("1 of 2 confirmed");

        assertThat(page.post(path + "/cancel", Map.of()).status()).isEqualTo(302);
        assertThat(page.get(path).body()).contains("Cancelled");
        assertThat(pages(cat).get("/").body()).doesNotContain("Fire drill at 3pm");
    }

    @Test
    void badInputComesBackToTheFormAndNothingIsSent() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        PageClient page = pages(ann);
        page.get("/dings/new");

        var noOne = page.postAll("/dings", List.of(Map.entry("text", "Anyone?")));
        assertThat(noOne.status()).isEqualTo(400);
        assertThat(noOne.body()).contains("Anyone?", "has-error");
        var tooLong = page.postAll("/dings", List.of(Map.entry("text", "x".repeat(1001)),
                Map.entry("recipients", ben.userId())));
        assertThat(tooLong.status()).isEqualTo(400);
        var badTime = page.postAll("/dings", List.of(Map.entry("text", "Later"), Map.entry("recipients", ben.userId()),
                Map.entry("sendAt", "tomorrow")));
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body()).contains("Enter a date and time");
        assertThat(count("select count(*) from msg_ding where tenant_id = ?", tenantId(org))).isZero();
    }

    @Test
    void otherOrganisationsAndBystandersFindNothing() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        Person dan = person(org, "Dan Ho");
        long id = ding(ann, "Board meeting moved", ben);
        Org other = newOrganisation();
        Person eve = person(other, "Eve Ng");

        for (PageClient page : List.of(pages(eve), pages(dan))) {
            assertThat(page.get("/dings/" + id).status()).isEqualTo(404);
            assertThat(page.htmxGet("/dings/" + id + "/recipients").status()).isEqualTo(404);
            assertThat(page.htmxPost("/dings/" + id + "/confirm", Map.of()).status()).isEqualTo(404);
            assertThat(page.post("/dings/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
            assertThat(page.get("/").body()).doesNotContain("Board meeting moved");
        }
        assertThat(pages(ben).post("/dings/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(ann.api().get("/api/v1/dings/" + id).json().get("status").asText()).isEqualTo("SENT");
    }

    private long ding(Person from, String text, Person... to) {
        var response = from.api().post("/api/v1/dings", json("text", text,
                "recipients", java.util.Arrays.stream(to).map(Person::userId).toList()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }
}
