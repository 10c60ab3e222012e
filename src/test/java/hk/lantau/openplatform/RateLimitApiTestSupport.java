package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.Polling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers of the rate-limit and access-log tests: apps with a given limit, and metrics as Prometheus reads them. */
abstract class RateLimitApiTestSupport extends OpenPlatformApiTestSupport {

    protected App registerWithLimit(Api admin, String name, int limit, String... scopes) {
        var response = admin.post("/api/v1/apps", Map.of("name", name, "purpose", "Tests " + name,
                "scopes", List.of(scopes), "rateLimitPerMinute", limit));
        assertThat(response.status()).as("register app: %s", response.body()).isEqualTo(201);
        JsonNode json = response.json();
        return new App(json.get("id").asLong(), json.get("appKey").asText(), json.get("secret").get("value").asText(),
                json);
    }

    /** The sum of a metric's series whose labels contain {@code labels} (e.g. {@code limit="app"}). */
    protected double metric(String name, String labels) {
        return anonymous().get("/actuator/prometheus").body().lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> l.contains(labels))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The app's access log once it holds at least {@code count} calls; records arrive a moment after the calls. */
    protected List<JsonNode> awaitEntries(Api admin, long appId, int count) {
        List<JsonNode> items = new ArrayList<>();
        Polling.until(count + " access log entries of app " + appId, () -> {
            var response = admin.get("/api/v1/apps/" + appId + "/access-log");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            items.clear();
            response.json().get("items").forEach(items::add);
            return items.size() >= count;
        });
        return items;
    }
}
