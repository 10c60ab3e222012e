package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OpenPlatformOpenApiTest extends OpenPlatformApiTestSupport {

    @Test
    void appsTokensAndEveryOperationsScopeAreDocumented() {
        var docs = anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/apps", "/api/v1/apps/{id}",
                "/api/v1/apps/{id}/disable", "/api/v1/apps/{id}/enable", "/api/v1/apps/{id}/secrets",
                "/api/v1/apps/{id}/secrets/{secretId}/revoke", "/api/v1/oauth/token");
        JsonNode token = paths.get("/api/v1/oauth/token").get("post");
        assertThat(token.get("summary").asText()).contains("access token");
        assertThat(token.get("requestBody").get("content").has("application/x-www-form-urlencoded")).isTrue();
        assertThat(token.get("description").asText()).contains("client_credentials", "invalid_client");
        assertThat(paths.get("/api/v1/apps").get("post").get("description").asText())
                .contains("openplatform.scope_unknown", "People only");

        JsonNode users = paths.get("/api/v1/users").get("get");
        assertThat(users.get("x-lantau-scope").asText()).isEqualTo("user.read");
        assertThat(users.get("description").asText()).contains("Apps need the scope `user.read`.");
        assertThat(paths.get("/api/v1/me").get("get").get("x-lantau-scope").asText()).isEqualTo("people-only");
        JsonNode usersOk = users.get("responses").get("200");
        assertThat(usersOk.get("headers").fieldNames()).toIterable()
                .contains("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
        assertThat(users.get("responses").get("429").get("headers").has("Retry-After")).isTrue();
        assertThat(token.get("responses").get("429").get("headers").has("Retry-After")).isTrue();
        assertThat(paths.get("/api/v1/me").get("get").get("responses").has("429"))
                .as("people are not rate limited").isFalse();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                assertThat(operation.getValue().has("x-lantau-scope"))
                        .as("%s %s declares what apps may do", operation.getKey(), path.getKey()).isTrue()));
    }
}
