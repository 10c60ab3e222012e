package hk.lantau.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: keeps cookies, asks for HTML, posts forms with the CSRF token the
 * last page carried, and does not follow redirects so tests can see them.
 */
final class PageClient {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;

    PageClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of());
    }

    /** Posts a form as a browser would, with the CSRF token of the last page. */
    Page post(String path, Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        if (csrf != null) {
            body.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, body);
    }

    /** Posts fields that may repeat, such as checked checkboxes, with the CSRF token of the last page. */
    Page postAll(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> body = new ArrayList<>(fields);
        if (csrf != null) {
            body.add(Map.entry("_csrf", csrf));
        }
        return postForm(path, body);
    }

    /** Posts exactly these fields, e.g. without a CSRF token. */
    Page postRaw(String path, Map<String, String> fields) {
        return postForm(path, List.copyOf(fields.entrySet()));
    }

    private Page postForm(String path, List<Map.Entry<String, String>> fields) {
        String form = fields.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), Map.of());
    }

    /** Posts a form with one file, as multipart/form-data, with the CSRF token of the last page. */
    Page postFile(String path, String fileField, String fileName, String content) {
        String boundary = "----lantau" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        if (csrf != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                    .append(csrf).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content).append("\r\n--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), Map.of());
    }

    /** A POST as htmx sends it: the CSRF token in its header. */
    Page htmxPost(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.noBody()),
                Map.of("HX-Request", "true", "X-XSRF-TOKEN", csrf == null ? "" : csrf));
    }

    /** A form POST as htmx sends it: fields in the body, the CSRF token in its header. */
    Page htmxPost(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                Map.of("HX-Request", "true", "X-XSRF-TOKEN", csrf == null ? "" : csrf));
    }

    /** A GET as htmx sends it, for a fragment. */
    Page htmxGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of("HX-Request", "true"));
    }

    /** Signs in through the sign-in form. */
    Page signIn(String email, String password) {
        get("/signin");
        return post("/signin", Map.of("email", email, "password", password));
    }

    /** Signs in and, when the account asks for it, enters the code of its authenticator. */
    Page signIn(String email, String password, java.util.function.Supplier<String> mfaCode) {
        Page page = signIn(email, password);
        if (page.location() != null && page.location().endsWith("/mfa")) {
            get("/mfa");
            page = post("/mfa", Map.of("code", mfaCode.get()));
        }
        return page;
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private Page send(HttpRequest.Builder request, Map<String, String> headers) {
        request.header("Accept", "text/html");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location")
                    .orElse(null), response.headers().firstValue("Cache-Control").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Page(int status, String body, String location, String cacheControl) {

        @Override
        public String toString() {
            return status + (location == null ? "" : " -> " + location);
        }
    }
}
