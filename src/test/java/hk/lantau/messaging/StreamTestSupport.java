package hk.lantau.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport.Org;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the stream tests: one application context with a fast heartbeat and a small
 * per-connection queue, so heartbeats and slow clients show within a test's patience.
 */
@TestPropertySource(properties = {
        "lantau.messaging.stream.ping-interval=300ms",
        "lantau.messaging.stream.idle-timeout=75s",
        "lantau.messaging.stream.queue-capacity=64"})
public abstract class StreamTestSupport extends MessagingApiTestSupport {

    protected StreamClient stream(Api person, long since) {
        return StreamClient.open(baseUrl(), "/api/v1/stream?since=" + since, person.token());
    }

    protected String emailOf(Org org, String userId) {
        return jdbc.sql("select email from dir_user where tenant_id = :t and userid = :u")
                .param("t", tenantId(org)).param("u", userId).query(String.class).single();
    }

    /** The id of the sign-in session a client's token belongs to. */
    protected static String currentSessionId(Api person) {
        for (JsonNode session : person.get("/api/v1/auth/sessions").json()) {
            if (session.path("current").asBoolean()) {
                return session.get("id").asText();
            }
        }
        throw new AssertionError("no current session");
    }

    /** Appends one event for the people directly, the way the other parts of messaging do. */
    protected long append(Org org, List<String> userIds, String type, Map<String, Object> payload) {
        return userEvents.append(tenantId(org), userIds, type, payload);
    }
}
