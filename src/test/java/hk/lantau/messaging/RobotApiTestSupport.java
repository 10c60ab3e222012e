package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers of the robot tests: people, groups, robots, and raw calls of the webhook. */
abstract class RobotApiTestSupport extends ApiTestSupport {

    private static final AtomicInteger MOBILES = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected Accounts accounts;

    protected long tenantId(Org org) {
        return jdbc.sql("select id from tenant where corp_id = :corpId").param("corpId", org.corpId())
                .query(Long.class).single();
    }

    /** A person with a fresh mobile number, as {@code [userId, mobile]}. */
    protected String[] person(Org org, String name) {
        int n = MOBILES.incrementAndGet();
        String mobile = String.format("+8525%03d%04d", n / 10_000, n % 10_000);
        var created = org.admin().post("/api/v1/users", Map.of("name", name,
                "email", name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8)
                        + "@example.hk", "mobile", mobile, "departmentIds", List.of(1)));
        assertThat(created.status()).as("create user: %s", created.body()).isEqualTo(201);
        return new String[] {created.json().get("userId").asText(), mobile};
    }

    protected Api signInAs(Org org, String userId) {
        String email = jdbc.sql("select email from dir_user where tenant_id = :t and userid = :u")
                .param("t", tenantId(org)).param("u", userId).query(String.class).single();
        long account = accounts.createUserAccount(tenantId(org), userId, email);
        LoginLink link = accounts.issueLink(account, LoginLink.Purpose.SETUP);
        setPassword(link.url(), PASSWORD);
        return as(email, PASSWORD);
    }

    protected String createGroup(Api owner, String name, String... memberIds) {
        var created = owner.post("/api/v1/conversations/groups", Map.of("name", name, "memberIds", List.of(memberIds)));
        assertThat(created.status()).as("create group: %s", created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    protected JsonNode createRobot(Api manager, String conversationId, Map<String, Object> body) {
        var created = manager.post(robots(conversationId), body);
        assertThat(created.status()).as("create robot: %s", created.body()).isEqualTo(201);
        return created.json();
    }

    protected static String robots(String conversationId) {
        return "/api/v1/conversations/" + conversationId + "/robots";
    }

    /** The group's messages, oldest first. */
    protected List<JsonNode> messages(Api member, String conversationId) {
        var history = member.get("/api/v1/conversations/" + conversationId + "/messages?limit=100");
        assertThat(history.status()).as("history: %s", history.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        history.json().get("items").forEach(items::add);
        items.sort((a, b) -> Long.compare(a.get("seq").asLong(), b.get("seq").asLong()));
        return items;
    }

    /** The messages robots wrote, oldest first. */
    protected List<JsonNode> robotMessages(Api member, String conversationId) {
        return messages(member, conversationId).stream()
                .filter(m -> m.path("author").path("kind").asText().equals("ROBOT")).toList();
    }

    /** The webhook URL on this server's loopback address, so IP lists can name it. */
    protected String local(String webhookUrl) {
        return "http://127.0.0.1:" + port + webhookUrl.substring(webhookUrl.indexOf("/robot/send"));
    }

    protected String signed(String url, String secret, long timestamp) {
        return url + "&timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign(secret, timestamp), StandardCharsets.UTF_8);
    }

    protected static String sign(String secret, long timestamp) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A raw call of the webhook; the answer must always be HTTP 200 with errcode and errmsg. */
    protected JsonNode call(String method, String url, String contentType, String body, String... headers) {
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

    protected JsonNode post(String url, String body) {
        return call("POST", url, "application/json; charset=utf-8", body);
    }

    protected static String text(String content) {
        return "{\"msgtype\":\"text\",\"text\":{\"content\":" + quote(content) + "}}";
    }

    protected static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected long robotCount(Org org) {
        return jdbc.sql("select count(*) from msg_robot where tenant_id = :t").param("t", tenantId(org))
                .query(Long.class).single();
    }

    protected long auditCount(Org org, String action) {
        return jdbc.sql("select count(*) from cmp_audit_record where chain = :c and action = :a")
                .param("c", tenantId(org)).param("a", action).query(Long.class).single();
    }
}
