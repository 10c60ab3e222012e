package hk.lantau.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

/** API bodies over 1 MiB are refused, declared or streamed; the CSV import keeps its own limit. */
class RequestSizeLimitApiTest extends ApiTestSupport {

    private static final String BIG_NAME = "{\"name\": \"" + "x".repeat(1_048_600) + "\"}";

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
        Org org = newOrganisation();

        var refused = org.admin().sendRaw("POST", "/api/v1/departments", BIG_NAME, "application/json");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("request.too_large");
        assertThat(refused.json().get("detail").asText()).contains("1 MiB");
        assertThat(org.admin().get("/api/v1/departments").body()).doesNotContain("xxxxxxxx");
    }

    @Test
    void aStreamedBodyIsCutOffWhenItPassesTheLimit() {
        Org org = newOrganisation();

        var refused = org.admin().sendStreamed("POST", "/api/v1/departments", BIG_NAME, "application/json");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("request.too_large");
    }

    @Test
    void smallBodiesAndTheLargerCsvImportStillPass() {
        Org org = newOrganisation();
        assertThat(org.admin().post("/api/v1/departments", java.util.Map.of("name", "Small")).status())
                .isEqualTo(201);

        // Just under the import's own 1 MiB of text, so only the multipart envelope takes it past 1 MiB.
        StringBuilder csv = new StringBuilder("name,remark\n");
        while (csv.length() < 1_047_000) {
            csv.append("Person ").append(csv.length()).append(',').append("r".repeat(900)).append('\n');
        }
        csv.append("Last person,").append("r".repeat(1_048_500 - csv.length() - 13)).append('\n');
        String boundary = "size-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        assertThat(body.length()).isGreaterThan(1_048_576);
        var imported = org.admin().sendRaw("POST", "/api/v1/users/import?dryRun=true", body,
                "multipart/form-data; boundary=" + boundary);
        // The import read every row: what stops it now is the edition's headcount, not the size of the request.
        assertThat(imported.status()).isEqualTo(409);
        assertThat(imported.code()).isEqualTo("tenant.edition_limit");
    }
}
