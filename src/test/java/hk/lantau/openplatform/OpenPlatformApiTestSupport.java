package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers the open platform's API tests share: registering apps and granting them tokens. */
abstract class OpenPlatformApiTestSupport extends ApiTestSupport {

    /** An app registered through the API, with its one-time secret. */
    record App(long id, String appKey, String secret, JsonNode body) {
    }

    protected App register(Api admin, String name, List<String> scopes, List<String> allowList) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("purpose", "Tests " + name);
        body.put("scopes", scopes);
        body.put("ipAllowList", allowList);
        var response = admin.post("/api/v1/apps", body);
        assertThat(response.status()).as("register app: %s", response.body()).isEqualTo(201);
        JsonNode json = response.json();
        return new App(json.get("id").asLong(), json.get("appKey").asText(), json.get("secret").get("value").asText(),
                json);
    }

    protected App register(Api admin, String name, String... scopes) {
        return register(admin, name, List.of(scopes), List.of());
    }

    /** A token request with the credentials in the form body. */
    protected Api.Response grant(String appKey, String secret) {
        return tokenRequest(anonymous(), form("grant_type", "client_credentials", "client_id", appKey,
                "client_secret", secret));
    }

    protected Api.Response tokenRequest(Api api, String form) {
        return api.sendRaw("POST", "/api/v1/oauth/token", form, "application/x-www-form-urlencoded");
    }

    /** The access token of a successful grant, as an API client. */
    protected Api asApp(App app) {
        var granted = grant(app.appKey(), app.secret());
        assertThat(granted.status()).as("grant: %s", granted.body()).isEqualTo(200);
        return new Api(baseUrl(), granted.json().get("access_token").asText());
    }

    protected static String form(String... namesAndValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return pairs.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    protected long tenantId(Org org) {
        return jdbc.sql("select id from tenant where corp_id = :corpId").param("corpId", org.corpId())
                .query(Long.class).single();
    }

    protected long auditCount(Org org, String action) {
        return jdbc.sql("select count(*) from cmp_audit_record where chain = :chain and action = :action")
                .param("chain", tenantId(org)).param("action", action).query(Long.class).single();
    }

    protected List<String> auditChanges(Org org, String action) {
        return jdbc.sql("select changes from cmp_audit_record where chain = :chain and action = :action order by seq")
                .param("chain", tenantId(org)).param("action", action).query(String.class).list();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
