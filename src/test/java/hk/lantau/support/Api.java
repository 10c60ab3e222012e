package hk.lantau.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for API tests: real requests to the running server, no mocks. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    public Api(String baseUrl, String token) {
        this(baseUrl, token, Map.of());
    }

    private Api(String baseUrl, String token, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = headers;
    }

    /** The same client without credentials. */
    public Api anonymous() {
        return new Api(baseUrl, null, headers);
    }

    public Api withToken(String other) {
        return new Api(baseUrl, other, headers);
    }

    public Api withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Api(baseUrl, token, copy);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The bearer token this client sends, or null. */
    public String token() {
        return token;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, "application/json");
    }

    /** Sends a body exactly as given, e.g. malformed JSON or CSV. */
    public Response sendRaw(String method, String path, String body, String contentType) {
        return send(method, path, body == null ? "" : new Raw(body), contentType);
    }

    /** Sends a body without a Content-Length, streamed in chunks as a client that does not know its size would. */
    public Response sendStreamed(String method, String path, String body, String contentType) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(method, path, new Streamed(bytes), contentType);
    }

    private Response send(String method, String path, Object body, String contentType) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        headers.forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            builder.header("Content-Type", contentType);
            publisher = body instanceof Streamed streamed
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(streamed.bytes()))
                    : HttpRequest.BodyPublishers.ofString(body instanceof Raw raw ? raw.text() : write(body));
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Raw(String text) {
    }

    private record Streamed(byte[] bytes) {
    }

    /** A response with its status, raw body, headers and the body parsed as JSON. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The problem detail's stable code. */
        public String code() {
            return json().path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
