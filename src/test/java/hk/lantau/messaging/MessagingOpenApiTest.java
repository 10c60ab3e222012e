package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MessagingOpenApiTest extends MessagingApiTestSupport {

    @Test
    void theChatEndpointsAreDocumented() {
        var docs = anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/conversations",
                "/api/v1/conversations/direct", "/api/v1/conversations/groups",
                "/api/v1/conversations/department-groups", "/api/v1/conversations/{id}",
                "/api/v1/conversations/{id}/members", "/api/v1/conversations/{id}/members/{userId}",
                "/api/v1/conversations/{id}/members/{userId}/role", "/api/v1/conversations/{id}/owner",
                "/api/v1/conversations/{id}/read", "/api/v1/conversations/{id}/messages",
                "/api/v1/conversations/{id}/messages/{messageId}/recall",
                "/api/v1/conversations/{id}/messages/{messageId}/remove",
                "/api/v1/conversations/{id}/messages/{messageId}/receipts");
        assertThat(paths.get("/api/v1/conversations/{id}/messages").get("post").get("description").asText())
                .contains("5,000").contains("clientMessageId");
        assertThat(docs.body()).contains("\"Conversations\"", "\"Messages\"");
    }
}
