package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Robot management on a group's pages: its owner adds a robot and gets a URL that works at once,
 * sees the secret only on the page that made it, resets, switches off and deletes it; members who
 * do not manage the group and other organisations find nothing.
 */
class RobotPagesTest extends MessagingPagesTestSupport {

    private static final Pattern URL = Pattern.compile("id=\"issued-url\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"issued-secret\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ROBOT = Pattern.compile("/robots/(\\d+)/token");

    @Test
    void theOwnerAddsARobotWhoseUrlPostsIntoTheGroup() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        String group = group(ann, "Ops alerts", ben);
        PageClient page = pages(ann);
        assertThat(page.get("/chat/" + group + "/settings").body()).contains("data-test=\"robots-link\"");
        assertThat(page.get("/chat/" + group + "/robots").body()).contains("No robots yet.");

        var added = page.post("/chat/" + group + "/robots", Map.of("name", "Grafana", "signing", "true",
                "keywords", "alert\nwarning", "ipRanges", ""));
        assertThat(added.status()).isEqualTo(200);
        Matcher url = URL.matcher(added.body());
        Matcher secret = SECRET.matcher(added.body());
        assertThat(url.find()).as(added.body()).isTrue();
        assertThat(secret.find()).isTrue();
        assertThat(secret.group(1)).startsWith("SEC");
        String path = url.group(1).replaceFirst("^https?://[^/]+", "").replace("&amp;", "&");

        var unsigned = anonymous().post(path, Map.of("msgtype", "text", "text", Map.of("content", "alert: disk full")));
        assertThat(unsigned.json().get("errcode").asInt()).as(unsigned.body()).isEqualTo(310000);
        var posted = anonymous().post(signed(path, secret.group(1)), Map.of("msgtype", "text",
                "text", Map.of("content", "alert: disk full")));
        assertThat(posted.json().get("errcode").asInt()).as(posted.body()).isZero();
        assertThat(ben.api().get("/api/v1/conversations/" + group + "/messages").body()).contains("alert: disk full");
        assertThat(page.get("/chat/" + group + "/robots").body()).contains("Grafana", "Keyword: alert")
                .doesNotContain(secret.group(1));

        Matcher robot = ROBOT.matcher(added.body());
        assertThat(robot.find()).isTrue();
        var reset = page.post("/chat/" + group + "/robots/" + robot.group(1) + "/token", Map.of());
        Matcher newUrl = URL.matcher(reset.body());
        assertThat(newUrl.find()).isTrue();
        assertThat(newUrl.group(1)).isNotEqualTo(url.group(1));
        JsonNode unknown = anonymous().post(path, Map.of("msgtype", "text", "text", Map.of("content", "alert")))
                .json();
        assertThat(unknown.get("errcode").asInt()).isEqualTo(300005);

        assertThat(page.post("/chat/" + group + "/robots/" + robot.group(1) + "/disable", Map.of()).status())
                .isEqualTo(302);
        assertThat(page.get("/chat/" + group + "/robots").body()).contains(">Off<");
        assertThat(page.post("/chat/" + group + "/robots/" + robot.group(1) + "/delete", Map.of()).status())
                .isEqualTo(302);
        assertThat(page.get("/chat/" + group + "/robots?lang=zh-HK").body()).contains("暫時未有機械人。");
    }

    /** The webhook path with DingTalk's signature: Base64 HMAC-SHA256 of "timestamp\nsecret", URL-encoded. */
    private String signed(String path, String secret) {
        long timestamp = clock.millis();
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String sign = Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            return path + "&timestamp=" + timestamp + "&sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRobotWithoutSafeguardsIsRefusedAndNothingIsStored() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        String group = group(ann, "Builds");
        PageClient page = pages(ann);
        page.get("/chat/" + group + "/robots");

        var refused = page.post("/chat/" + group + "/robots", Map.of("name", "CI", "keywords", "", "ipRanges", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"CI\"", "alert-danger");
        var badIp = page.post("/chat/" + group + "/robots", Map.of("name", "CI", "ipRanges", "10.0.0.0/33"));
        assertThat(badIp.status()).isEqualTo(400);
        assertThat(badIp.body()).contains("10.0.0.0/33", "has-error");
        assertThat(page.get("/chat/" + group + "/robots").body()).contains("No robots yet.");
    }

    @Test
    void membersWhoDoNotManageAndOtherOrganisationsFindNothing() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Lee");
        Person ben = person(org, "Ben Chan");
        String group = group(ann, "Private", ben);
        PageClient owner = pages(ann);
        var added = owner.post("/chat/" + group + "/robots", Map.of("name", "Zabbix", "keywords", "alarm"));
        Matcher robot = ROBOT.matcher(added.body());
        assertThat(robot.find()).isTrue();
        Org other = newOrganisation();
        Person eve = person(other, "Eve Ng");

        for (PageClient page : new PageClient[] {pages(ben), pages(eve)}) {
            assertThat(page.get("/chat/" + group + "/robots").status()).isEqualTo(404);
            assertThat(page.post("/chat/" + group + "/robots", Map.of("name", "X", "keywords", "x")).status())
                    .isEqualTo(404);
            assertThat(page.post("/chat/" + group + "/robots/" + robot.group(1) + "/token", Map.of()).status())
                    .isEqualTo(404);
            assertThat(page.post("/chat/" + group + "/robots/" + robot.group(1) + "/delete", Map.of()).status())
                    .isEqualTo(404);
        }
        assertThat(pages(ben).get("/chat/" + group + "/settings").body()).doesNotContain("robots-link");
        assertThat(owner.get("/chat/" + group + "/robots").body()).contains("Zabbix");
    }
}
