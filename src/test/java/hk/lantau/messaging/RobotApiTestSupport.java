package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.support.Api;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Helpers of the robot tests: robots, what they posted, and raw calls of the webhook. */
abstract class RobotApiTestSupport extends MessagingApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    protected JsonNode createRobot(Api manager, String conversationId, Map<String, Object> body) {
        var created = manager.post(robots(conversationId), body);
        assertThat(created.status()).as("create robot: %s", created.body()).isEqualTo(201);
        return created.json();
    }

    protected static String robots(String conversationId) {
        return "/api/v1/conversations/" + conversationId + "/robots";
    }

    /** The messages robots wrote into the group, oldest first. */
    protected List<JsonNode> robotMessages(Api member, String conversationId) {
        var history = member.get("/api/v1/conversations/" + conversationId + "/messages?limit=100");
        assertThat(history.status()).as("history: %s", history.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        history.json().get("items").forEach(items::add);
        items.sort((a, b) -> Long.compare(a.get("seq").asLong(), b.get("seq").asLong()));
        return items.stream().filter(m -> m.path("author").path("kind").asText().equals("ROBOT")).toList();
    }

    /** The webhook URL on this server's loopback address, so IP lists can name the caller. */
    protected String local(String webhookUrl) {
        return "http://127.0.0.1:" + port + webhookUrl.substring(webhookUrl.indexOf("/robot/send"));
    }

    protected static String signed(String url, String secret, long timestamp) {
        return url + "&timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign(secret, timestamp), StandardCharsets.UTF_8);
    }

    /** The signature as DingTalk's documentation computes it. */
    protected static String sign(String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A raw call of the webhook; whatever happens, the answer must be HTTP 200 with errcode and errmsg. */
    protected static JsonNode call(String method, String url, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isEqualTo(200);
            JsonNode json = JSON.readTree(response.body());
            assertThat(json.has("errcode") && json.has("errmsg")).as(response.body()).isTrue();
            return json;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode post(String url, String body) {
        return call("POST", url, "application/json; charset=utf-8", body);
    }

    /** A text message's webhook body. */
    protected static String textBody(String content) {
        try {
            return "{\"msgtype\":\"text\",\"text\":{\"content\":" + JSON.writeValueAsString(content) + "}}";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected long robotCount(Org org) {
        return count("select count(*) from msg_robot where tenant_id = ?", tenantId(org));
    }
}
