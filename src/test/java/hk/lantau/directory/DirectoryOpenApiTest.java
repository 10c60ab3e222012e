package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DirectoryOpenApiTest extends DirectoryApiTestSupport {

    @Test
    void theDirectoryEndpointsAreDocumented() {
        var docs = anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/departments", "/api/v1/departments/{id}",
                "/api/v1/departments/{id}/members", "/api/v1/departments/{id}/members/me",
                "/api/v1/departments/{id}/members/{userId}", "/api/v1/departments/{id}/dissolve", "/api/v1/users",
                "/api/v1/users/{userId}", "/api/v1/users/{userId}/suspend", "/api/v1/users/{userId}/reactivate",
                "/api/v1/users/{userId}/leave", "/api/v1/users/{userId}/permissions", "/api/v1/users/{userId}/roles",
                "/api/v1/users/{userId}/protected-fields/{field}/reveal", "/api/v1/users/import", "/api/v1/roles",
                "/api/v1/roles/{key}", "/api/v1/permissions");
        JsonNode create = paths.get("/api/v1/users").get("post");
        assertThat(create.get("summary").asText()).contains("directory.write");
        assertThat(docs.body()).contains("\"People\"", "\"Departments\"", "\"Roles\"");
    }
}
