package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.dingtalk.api.DefaultDingTalkClient;
import com.dingtalk.api.request.OapiRobotSendRequest;
import com.dingtalk.api.response.OapiRobotSendResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.taobao.api.ApiException;
import hk.lantau.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The robot webhook as DingTalk's official old SDK ({@code OapiRobotSendRequest}) sees it: every
 * message type, signed, and the errors a sender meets; then what the group really received.
 */
class RobotSdkApiTest extends RobotApiTestSupport {

    private Org org;
    private Api owner;
    private Api reader;
    private String readerId;
    private String readerMobile;
    private String readerEmail;
    private String group;
    private String url;
    private String secret;

    @BeforeEach
    void robot() {
        org = newOrganisation();
        Person groupOwner = person(org, "Owner");
        readerMobile = newMobile().replace(" ", "");
        readerEmail = newEmail("reader");
        readerId = createUser(org.admin(), json("name", "Reader", "email", readerEmail, "mobile", readerMobile,
                "departmentIds", List.of(1L)));
        owner = groupOwner.api();
        reader = signInAs(org, readerId);
        group = group(groupOwner, "Alerts", new Person(readerId, "Reader", readerEmail, reader));
        JsonNode robot = createRobot(owner, group, Map.of("name", "Alertmanager", "signing", true));
        url = local(robot.get("webhookUrl").asText());
        secret = robot.get("secret").asText();
    }

    @Test
    void everyMessageTypeArrivesSigned() throws ApiException {
        String outsider = person(org, "Outsider").userId();
        OapiRobotSendRequest text = request("text");
        OapiRobotSendRequest.Text content = new OapiRobotSendRequest.Text();
        content.setContent("Disk almost full @" + readerMobile);
        text.setText(content);
        OapiRobotSendRequest.At at = new OapiRobotSendRequest.At();
        at.setAtMobiles(List.of(readerMobile.substring(4), "+85200000000"));
        at.setAtUserIds(List.of(outsider, "nobody-here"));
        at.setIsAtAll(false);
        text.setAt(at);
        ok(send(signedUrl(), text));

        OapiRobotSendRequest markdown = request("markdown");
        OapiRobotSendRequest.Markdown md = new OapiRobotSendRequest.Markdown();
        md.setTitle("Deploy");
        md.setText("### Deployed\n- **api** 1.4.2");
        markdown.setMarkdown(md);
        OapiRobotSendRequest.At all = new OapiRobotSendRequest.At();
        all.setIsAtAll(true);
        markdown.setAt(all);
        ok(send(signedUrl(), markdown));

        OapiRobotSendRequest link = request("link");
        OapiRobotSendRequest.Link l = new OapiRobotSendRequest.Link();
        l.setTitle("Runbook");
        l.setText("How to free disk space");
        l.setMessageUrl("https://wiki.example.hk/runbook");
        l.setPicUrl("https://wiki.example.hk/disk.png");
        link.setLink(l);
        ok(send(signedUrl(), link));

        OapiRobotSendRequest single = request("actionCard");
        OapiRobotSendRequest.Actioncard card = new OapiRobotSendRequest.Actioncard();
        card.setTitle("Incident 42");
        card.setText("Database latency high");
        card.setSingleTitle("Open dashboard");
        card.setSingleURL("https://grafana.example.hk/d/db");
        single.setActionCard(card);
        ok(send(signedUrl(), single));

        OapiRobotSendRequest multi = request("actionCard");
        OapiRobotSendRequest.Actioncard buttons = new OapiRobotSendRequest.Actioncard();
        buttons.setTitle("Approve release?");
        buttons.setText("Release 1.4.2 is ready");
        buttons.setBtnOrientation("1");
        OapiRobotSendRequest.Btns yes = new OapiRobotSendRequest.Btns();
        yes.setTitle("Approve");
        yes.setActionURL("https://ci.example.hk/approve");
        OapiRobotSendRequest.Btns no = new OapiRobotSendRequest.Btns();
        no.setTitle("Reject");
        no.setActionURL("https://ci.example.hk/reject");
        buttons.setBtns(List.of(yes, no));
        multi.setActionCard(buttons);
        ok(send(signedUrl(), multi));

        OapiRobotSendRequest feed = request("feedCard");
        OapiRobotSendRequest.Feedcard feedCard = new OapiRobotSendRequest.Feedcard();
        OapiRobotSendRequest.Links first = new OapiRobotSendRequest.Links();
        first.setTitle("Release notes");
        first.setMessageURL("https://example.hk/notes");
        first.setPicURL("https://example.hk/notes.png");
        OapiRobotSendRequest.Links second = new OapiRobotSendRequest.Links();
        second.setTitle("Changelog");
        second.setMessageURL("https://example.hk/changelog");
        feedCard.setLinks(List.of(first, second));
        feed.setFeedCard(feedCard);
        ok(send(signedUrl(), feed));

        List<JsonNode> received = robotMessages(reader, group);
        assertThat(received).hasSize(6);
        assertThat(received).allSatisfy(m -> assertThat(m.get("author").get("name").asText()).isEqualTo("Alertmanager"));
        assertThat(received.get(0).get("content").get("kind").asText()).isEqualTo("text");
        assertThat(received.get(0).get("content").get("text").asText()).isEqualTo("Disk almost full @" + readerMobile);
        assertThat(received.get(0).get("mentions")).extracting(JsonNode::asText).containsExactly(readerId);
        assertThat(received.get(0).get("mentionAll").asBoolean()).isFalse();
        assertThat(received.get(1).get("content").get("title").asText()).isEqualTo("Deploy");
        assertThat(received.get(1).get("content").get("text").asText()).isEqualTo("### Deployed\n- **api** 1.4.2");
        assertThat(received.get(1).get("mentionAll").asBoolean()).isTrue();
        JsonNode linkContent = received.get(2).get("content");
        assertThat(linkContent.get("kind").asText()).isEqualTo("link");
        assertThat(linkContent.get("messageUrl").asText()).isEqualTo("https://wiki.example.hk/runbook");
        assertThat(linkContent.get("picUrl").asText()).isEqualTo("https://wiki.example.hk/disk.png");
        JsonNode singleContent = received.get(3).get("content");
        assertThat(singleContent.get("kind").asText()).isEqualTo("actionCard");
        assertThat(singleContent.get("singleTitle").asText()).isEqualTo("Open dashboard");
        assertThat(singleContent.get("singleUrl").asText()).isEqualTo("https://grafana.example.hk/d/db");
        JsonNode multiContent = received.get(4).get("content");
        assertThat(multiContent.get("horizontal").asBoolean()).isTrue();
        assertThat(multiContent.get("buttons")).extracting(b -> b.get("title").asText())
                .containsExactly("Approve", "Reject");
        assertThat(multiContent.get("buttons").get(1).get("url").asText()).isEqualTo("https://ci.example.hk/reject");
        JsonNode feedContent = received.get(5).get("content");
        assertThat(feedContent.get("kind").asText()).isEqualTo("feedCard");
        assertThat(feedContent.get("links")).extracting(f -> f.get("messageUrl").asText())
                .containsExactly("https://example.hk/notes", "https://example.hk/changelog");
        assertThat(robotEvents()).extracting(e -> e.get("id").asLong())
                .containsExactlyElementsOf(received.stream().map(m -> m.get("id").asLong()).toList());
    }

    @Test
    void refusalsReachTheSdkAndNothingIsPosted() throws ApiException {
        long now = clock.instant().toEpochMilli();
        refused(send(url + "&timestamp=" + now + "&sign=" + java.net.URLEncoder.encode(
                sign(secret + "0", now), java.nio.charset.StandardCharsets.UTF_8), textRequest("wrong secret")),
                310000, "sign not match");
        long old = clock.instant().minus(Duration.ofMinutes(61)).toEpochMilli();
        refused(send(signed(url, secret, old), textRequest("too old")), 310000, "invalid timestamp");
        refused(send(url, textRequest("unsigned")), 310000, "invalid timestamp");
        String unknown = url.substring(0, url.indexOf("access_token=") + 13) + "0".repeat(64);
        refused(send(signed(unknown, secret, now), textRequest("who?")), 300005, "token is not exist");
        OapiRobotSendRequest image = request("image");
        refused(send(signedUrl(), image), 400105, "unsupported msgtype");

        JsonNode keyworded = createRobot(owner, group, Map.of("name", "CI", "keywords", List.of("build", "構建")));
        String ciUrl = local(keyworded.get("webhookUrl").asText());
        refused(send(ciUrl, textRequest("deploy finished")), 310000, "keywords not in content");
        ok(send(ciUrl, textRequest("構建 #12 passed")));

        long robotId = keyworded.get("id").asLong();
        owner.post(robots(group) + "/" + robotId + "/disable", Map.of());
        refused(send(ciUrl, textRequest("build #13 passed")), 400102, "robot is disabled");
        owner.post(robots(group) + "/" + robotId + "/enable", Map.of());
        ok(send(ciUrl, textRequest("build #14 passed")));

        assertThat(robotMessages(reader, group)).extracting(m -> m.get("content").get("text").asText())
                .containsExactly("構建 #12 passed", "build #14 passed");

        assertThat(owner.delete("/api/v1/conversations/" + group).status()).isEqualTo(200);
        refused(send(ciUrl, textRequest("build #15 passed")), 400013, "group is dismissed");
        assertThat(robotMessages(reader, group)).hasSize(2);
        assertThat(robotEvents()).hasSize(2);
    }

    /** The robot messages on the reader's event stream: what their clients were sent live. */
    private List<JsonNode> robotEvents() {
        return streamed(org, new Person(readerId, "Reader", readerEmail, reader), "message.created").stream()
                .filter(e -> e.path("author").path("kind").asText().equals("ROBOT")).toList();
    }

    private String signedUrl() {
        return signed(url, secret, clock.instant().toEpochMilli());
    }

    private static OapiRobotSendRequest request(String type) {
        OapiRobotSendRequest request = new OapiRobotSendRequest();
        request.setMsgtype(type);
        return request;
    }

    private static OapiRobotSendRequest textRequest(String value) {
        OapiRobotSendRequest request = request("text");
        OapiRobotSendRequest.Text content = new OapiRobotSendRequest.Text();
        content.setContent(value);
        request.setText(content);
        return request;
    }

    private static OapiRobotSendResponse send(String url, OapiRobotSendRequest request) throws ApiException {
        return new DefaultDingTalkClient(url).execute(request);
    }

    private static void ok(OapiRobotSendResponse response) {
        assertThat(response.getErrcode()).as(response.getBody()).isZero();
        assertThat(response.getErrmsg()).isEqualTo("ok");
        assertThat(response.isSuccess()).isTrue();
    }

    private static void refused(OapiRobotSendResponse response, long errcode, String errmsg) {
        assertThat(response.getErrcode()).as(response.getBody()).isEqualTo(errcode);
        assertThat(response.getErrmsg()).isEqualTo(errmsg);
        assertThat(response.isSuccess()).isFalse();
    }
}
