package hk.lantau.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the app API load needs on a fresh server with the demo data, made through the API as an
 * integrator would: the demo admin signs in (enrolling an authenticator, as the admin role must),
 * registers apps that may read people, and the people's ids are listed.
 */
final class AppFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record App(String key, String secret) {
    }

    private final String baseUrl;
    private final String adminToken;

    private AppFixture(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    /**
     * Signs in; the first time enrols an authenticator and keeps its seed in {@code totpSecret}, so
     * that later repeats against the same server can enter its codes.
     */
    static AppFixture signIn(String baseUrl, String login, String password, Path totpSecret) {
        JsonNode session = send(baseUrl, "POST", "/api/v1/auth/sessions", null,
                Map.of("login", login, "password", password), 201);
        String token = session.get("token").asText();
        try {
            if (session.path("mfaEnrolmentRequired").asBoolean()) {
                String secret = send(baseUrl, "POST", "/api/v1/auth/mfa/enrolment", token, Map.of(), 201)
                        .get("secret").asText();
                Files.writeString(totpSecret, secret);
                token = send(baseUrl, "POST", "/api/v1/auth/mfa/enrolment/confirm", token,
                        Map.of("code", code(secret)), 201).get("token").asText();
            } else if (session.path("mfaRequired").asBoolean()) {
                token = send(baseUrl, "POST", "/api/v1/auth/sessions/mfa", token,
                        Map.of("code", code(Files.readString(totpSecret).strip())), 201).get("token").asText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AppFixture(baseUrl, token);
    }

    /** Apps with the highest limit an admin may set, so the load measures calls, not refusals. */
    List<App> registerApps(int count, String prefix) {
        List<App> apps = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            JsonNode app = send(baseUrl, "POST", "/api/v1/apps", adminToken, Map.of("name", prefix + " " + i,
                    "purpose", "Load test of the app API", "scopes", List.of("user.read"),
                    "rateLimitPerMinute", 100_000), 201);
            apps.add(new App(app.get("appKey").asText(), app.get("secret").get("value").asText()));
        }
        return apps;
    }

    List<String> userIds() {
        List<String> ids = new ArrayList<>();
        send(baseUrl, "GET", "/api/v1/users?limit=200", adminToken, null, 200).get("items")
                .forEach(user -> ids.add(user.get("userId").asText()));
        return ids;
    }

    /** An access token of the app, granted as the load's token phase does. */
    String grant(App app) {
        return send(baseUrl, "POST", "/api/v1/oauth/token", null, tokenForm(app), 200).get("access_token").asText();
    }

    /** The app's token from DingTalk's {@code GET /gettoken}, as DingTalk's SDKs ask for it. */
    String dingTalkToken(App app) {
        JsonNode answer = send(baseUrl, "GET", "/gettoken?appkey=" + URLEncoder.encode(app.key(), StandardCharsets.UTF_8)
                + "&appsecret=" + URLEncoder.encode(app.secret(), StandardCharsets.UTF_8), null, null, 200);
        if (answer.path("errcode").asInt(-1) != 0) {
            throw new IllegalStateException("gettoken answered " + answer);
        }
        return answer.get("access_token").asText();
    }

    static String tokenForm(App app) {
        return "grant_type=client_credentials&client_id=" + URLEncoder.encode(app.key(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(app.secret(), StandardCharsets.UTF_8);
    }

    private static String code(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, Math.floorDiv(System.currentTimeMillis() / 1000, 30));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode send(String baseUrl, String method, String path, String token, Object body, int expected) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        try {
            if (body instanceof String form) {
                request.header("Content-Type", "application/x-www-form-urlencoded");
                publisher = HttpRequest.BodyPublishers.ofString(form);
            } else if (body != null) {
                request.header("Content-Type", "application/json");
                publisher = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            }
            HttpResponse<String> response = HTTP.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
