package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Helpers of the reminder and trigger tests: apps of an organisation with their own tokens. */
abstract class ApprovalTimeApiTestSupport extends ApprovalApiTestSupport {

    /** An app of the organisation with these scopes, signed in with its own token. */
    protected Api app(Org org, String... scopes) {
        var registered = org.admin().post("/api/v1/apps", json("name", "Approvals " + UUID.randomUUID()
                .toString().substring(0, 8), "purpose", "Approval integration", "scopes", java.util.List.of(scopes),
                "ipAllowList", java.util.List.of()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode body = registered.json();
        String form = "grant_type=client_credentials&client_id=" + encode(body.get("appKey").asText())
                + "&client_secret=" + encode(body.get("secret").get("value").asText());
        var granted = anonymous().sendRaw("POST", "/api/v1/oauth/token", form, "application/x-www-form-urlencoded");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return new Api(baseUrl(), granted.json().get("access_token").asText());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
