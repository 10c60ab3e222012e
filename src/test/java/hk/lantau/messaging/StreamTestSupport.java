package hk.lantau.messaging;

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

    /** Appends one event for the people directly, the way the other parts of messaging do. */
    protected long append(Org org, List<String> userIds, String type, Map<String, Object> payload) {
        return userEvents.append(tenantId(org), userIds, type, payload);
    }
}
