package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** The notification endpoints are in the OpenAPI document with the scope apps need and their error codes. */
class NotificationsOpenApiTest extends ApiTestSupport {

    @Test
    void notificationEndpointsAreDocumented() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/notifications", "/api/v1/notifications/{id}",
                "/api/v1/notifications/{id}/recipients", "/api/v1/notifications/{id}/recall",
                "/api/v1/me/notifications", "/api/v1/me/notifications/{id}/read");
        JsonNode send = paths.get("/api/v1/notifications").get("post");
        assertThat(send.get("x-lantau-scope").asText()).isEqualTo("notification.send");
        assertThat(send.get("responses").has("202")).isTrue();
        assertThat(send.get("responses").get("400").get("description").asText())
                .contains("messaging.notification_too_many_users", "messaging.notification_content_too_long");
        assertThat(paths.get("/api/v1/me/notifications").get("get").get("x-lantau-scope").asText())
                .isEqualTo("people-only");
    }
}
