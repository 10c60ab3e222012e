package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.directory.DirectoryApiTestSupport;
import hk.lantau.support.Api;
import hk.lantau.support.Polling;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Helpers of the work notification tests: apps with their tokens, sending, and waiting for delivery. */
abstract class NotificationApiTestSupport extends DirectoryApiTestSupport {

    /** An app registered by the organisation's admin (its owner), signed in with its own token. */
    protected Api app(Org org, String... scopes) {
        var registered = org.admin().post("/api/v1/apps", json("name", "Notifier " + UUID.randomUUID()
                .toString().substring(0, 8), "purpose", "Sends work notifications", "scopes", List.of(scopes),
                "ipAllowList", List.of()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode body = registered.json();
        String form = "grant_type=client_credentials&client_id=" + encode(body.get("appKey").asText())
                + "&client_secret=" + encode(body.get("secret").get("value").asText());
        var granted = anonymous().sendRaw("POST", "/api/v1/oauth/token", form, "application/x-www-form-urlencoded");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return new Api(baseUrl(), granted.json().get("access_token").asText());
    }

    protected static Map<String, Object> text(String text) {
        return json("kind", "text", "text", text);
    }

    protected static Map<String, Object> toUsers(String... userIds) {
        return json("userIds", List.of(userIds));
    }

    /** Sends and returns the task id; the answer is 202 with the task not started. */
    protected long send(Api sender, Map<String, Object> content, Map<String, Object> audience) {
        var sent = sender.post("/api/v1/notifications", json("content", content, "audience", audience));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("progress").get("status").asInt()).isZero();
        return sent.json().get("id").asLong();
    }

    /** Waits for the background job to finish the task and returns it. */
    protected JsonNode awaitDone(Api sender, long taskId) {
        Polling.until("notification " + taskId + " delivered",
                () -> sender.get("/api/v1/notifications/" + taskId).json().get("progress").get("status").asInt() == 2);
        JsonNode task = sender.get("/api/v1/notifications/" + taskId).json();
        assertThat(task.get("progress").get("percent").asInt()).isEqualTo(100);
        return task;
    }

    protected List<String> recipients(Api sender, long taskId, String state) {
        List<String> userIds = new ArrayList<>();
        String cursor = null;
        do {
            var page = sender.get("/api/v1/notifications/" + taskId + "/recipients?state=" + state + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(item -> userIds.add(item.get("userId").asText()));
            cursor = page.json().path("nextCursor").asText(null);
        } while (cursor != null);
        return userIds;
    }

    /** The ids in a person's notification list, newest first. */
    protected List<Long> inbox(Api person) {
        var page = person.get("/api/v1/me/notifications?limit=200");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /** The types of the stream events a person received, oldest first. */
    protected List<String> streamTypes(Org org, String userId) {
        return jdbc.sql("""
                        select e.type from msg_stream_event s join msg_event e on e.id = s.event_id
                         where s.tenant_id = :t and s.user_id = :u order by s.seq""")
                .param("t", tenantId(org)).param("u", userId).query(String.class).list();
    }

    protected long tasksOf(Org org) {
        return count("select count(*) from msg_notice_task where tenant_id = ?", tenantId(org));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
