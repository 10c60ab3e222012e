package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What DingTalk's SDK cannot send: wrong content types, broken JSON, floods, IP lists, repeats. */
@ExtendWith(OutputCaptureExtension.class)
class RobotWebhookApiTest extends RobotApiTestSupport {

    private Org org;
    private Api owner;
    private String group;
    private String url;

    @BeforeEach
    void robot() {
        org = newOrganisation();
        Person groupOwner = person(org, "Owner");
        owner = groupOwner.api();
        group = group(groupOwner, "Builds");
        url = local(createRobot(owner, group, Map.of("name", "CI", "keywords", List.of("build")))
                .get("webhookUrl").asText());
    }

    @Test
    void answersInDingTalksShapeWhateverArrives() {
        expect(call("POST", url, "application/x-www-form-urlencoded", "msgtype=text"), 43004);
        expect(call("POST", url, "text/plain", textBody("build ok")), 43004);
        expect(call("POST", url, null, textBody("build ok")), 43004);
        expect(call("POST", url, "application/json", "{\"msgtype\":\"text\",\"text\":"), 40035, "missing json");
        expect(call("POST", url, "application/json", ""), 40035, "missing json");
        expect(call("POST", url, "application/json", "[]"), 40035, "missing json");
        expect(call("GET", url, null, null), 40035, "missing json");
        expect(post(url.substring(0, url.indexOf('?')), textBody("build ok")), 400101);
        expect(post(url + "x", textBody("build ok")), 300005, "token is not exist");
        expect(post(url, "{\"msgtype\":\"text\",\"text\":{\"content\":\"build " + "x".repeat(5000) + "\"}}"), 430104);
        expect(post(url, "{\"msgtype\":\"text\",\"text\":{\"content\":\"build " + "x".repeat(20000) + "\"}}"), 430104);
        expect(post(url, "{\"msgtype\":\"link\",\"link\":{\"title\":\"build\",\"text\":\"t\","
                + "\"messageUrl\":\"javascript:alert(1)\"}}"), 40035);
        assertThat(robotMessages(owner, group)).isEmpty();
    }

    @Test
    void aBrowsersSessionCookieNeitherHelpsNorHinders() {
        String session = signIn(org.adminEmail(), PASSWORD);
        expect(call("POST", url, "application/json", textBody("build from a browser"),
                "Cookie", "LANTAU_SESSION=" + session), 0, "ok");
        expect(call("POST", url + "x", "application/json", textBody("build from a browser"),
                "Cookie", "LANTAU_SESSION=" + session), 300005);
        assertThat(robotMessages(owner, group)).hasSize(1);
    }

    @Test
    void theLogNeverHoldsTokenSecretSignOrMessage(CapturedOutput output) {
        JsonNode robot = createRobot(owner, group, Map.of("name", "Signed", "signing", true,
                "keywords", List.of("build")));
        String signedUrl = local(robot.get("webhookUrl").asText());
        String secret = robot.get("secret").asText();
        long now = clock.instant().toEpochMilli();
        String body = textBody("build secret-plan-" + now);
        expect(post(signed(signedUrl, secret, now), body), 0);
        expect(post(signedUrl + "&timestamp=" + now + "&sign=wrong-sign-" + now, body), 310000);
        expect(post(signed(signedUrl, secret, now), textBody("deploy secret-plan-" + now)), 310000);
        expect(post(signed(signedUrl, secret, now), "{\"msgtype\":\"text\",\"text\":{\"content\":\"build "
                + "secret-plan-" + now + "x".repeat(5000) + "\"}}"), 430104);
        expect(post(signedUrl + "0", body), 300005);
        String token = signedUrl.substring(signedUrl.indexOf("access_token=") + 13);
        assertThat(output.getAll()).contains("refused with 310000 sign not match").doesNotContain(token).doesNotContain(secret)
                .doesNotContain(sign(secret, now)).doesNotContain("wrong-sign-" + now)
                .doesNotContain("secret-plan-" + now);
    }

    @Test
    void twentyMessagesAMinuteThenTenMinutesOfSilence() {
        for (int i = 1; i <= 20; i++) {
            expect(post(url, textBody("build " + i)), 0, "ok");
        }
        expect(post(url, textBody("build 21")), 410100, "send too fast, exceed 20 times per minute");
        clock.advance(Duration.ofMinutes(2));
        expect(post(url, textBody("build 22")), 410100);
        clock.advance(Duration.ofMinutes(8).plusSeconds(1));
        expect(post(url, textBody("build 23")), 0, "ok");
        assertThat(robotMessages(owner, group)).hasSize(21)
                .last().satisfies(m -> assertThat(m.get("content").get("text").asText()).isEqualTo("build 23"));
    }

    @Test
    void aNewMinuteStartsAFreshCount() {
        for (int i = 1; i <= 20; i++) {
            expect(post(url, textBody("build " + i)), 0);
        }
        clock.advance(Duration.ofSeconds(61));
        expect(post(url, textBody("build 21")), 0);
        assertThat(robotMessages(owner, group)).hasSize(21);
    }

    @Test
    void refusedCallsDoNotCountAgainstTheRate() {
        for (int i = 1; i <= 25; i++) {
            expect(post(url, textBody("deploy " + i)), 310000, "keywords not in content");
        }
        expect(post(url, textBody("build 1")), 0);
        assertThat(robotMessages(owner, group)).hasSize(1);
    }

    @Test
    void anIpListAdmitsOnlyItsAddresses() {
        String allowed = local(createRobot(owner, group, Map.of("name", "Here", "ipRanges", List.of("127.0.0.0/8")))
                .get("webhookUrl").asText());
        String elsewhere = local(createRobot(owner, group, Map.of("name", "There",
                "ipRanges", List.of("10.0.0.0/8", "203.0.113.9"))).get("webhookUrl").asText());
        expect(post(allowed, textBody("from loopback")), 0);
        expect(post(elsewhere, textBody("from loopback")), 310000, "ip 127.0.0.1 not in whitelist");
        assertThat(robotMessages(owner, group)).extracting(m -> m.get("author").get("name").asText())
                .containsExactly("Here");
    }

    @Test
    void aRepeatedMsgUuidPostsOnce() {
        String body = "{\"msgtype\":\"text\",\"text\":{\"content\":\"build 7 passed\"},\"msgUuid\":\"b7\"}";
        expect(post(url, body), 0);
        expect(post(url, body), 0);
        expect(post(url, body.replace("b7", "b8")), 0);
        assertThat(robotMessages(owner, group)).hasSize(2);
    }

    @Test
    void aResetTokenRetiresTheOldUrl() {
        long id = count("select id from msg_robot where tenant_id = ?", tenantId(org));
        String fresh = local(owner.post(robots(group) + "/" + id + "/reset-token", Map.of()).json()
                .get("webhookUrl").asText());
        expect(post(url, textBody("build old")), 300005);
        expect(post(fresh, textBody("build new")), 0);
        assertThat(owner.delete(robots(group) + "/" + id).status()).isEqualTo(204);
        expect(post(fresh, textBody("build gone")), 300005);
        assertThat(robotMessages(owner, group)).extracting(m -> m.get("content").get("text").asText())
                .containsExactly("build new");
    }

    private static void expect(JsonNode reply, int errcode) {
        assertThat(reply.get("errcode").asInt()).as(reply.toString()).isEqualTo(errcode);
    }

    private static void expect(JsonNode reply, int errcode, String errmsg) {
        expect(reply, errcode);
        assertThat(reply.get("errmsg").asText()).isEqualTo(errmsg);
    }
}
