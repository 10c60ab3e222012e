package hk.lantau.messaging.internal.ding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SMS through an operator's HTTP bridge to their provider: a JSON POST of
 * {@code {"to","text","reference"}} to {@code lantau.sms.url}, with {@code lantau.sms.token} as a
 * bearer token. A 2xx answer means accepted; anything else is recorded as failed with its status.
 */
@Component
class SmsChannel {

    private final URI url;
    private final String token;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    SmsChannel(@Value("${lantau.sms.url:}") String url, @Value("${lantau.sms.token:}") String token,
               @Value("${lantau.sms.timeout:PT10S}") Duration timeout, ObjectMapper json) {
        this.url = url.isBlank() ? null : checked(url.strip());
        this.token = token.strip();
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    boolean configured() {
        return url != null;
    }

    /** {@code reference} is the same on every retry of one attempt, so a gateway can drop repeats. */
    Delivery send(String to, String text, String reference) {
        if (url == null) {
            return Delivery.notConfigured("No SMS gateway is configured (lantau.sms.url).");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("text", text);
        body.put("reference", reference);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Delivery.sent() : Delivery.failed("The SMS gateway answered HTTP " + status + ".");
        } catch (IOException e) {
            return Delivery.failed("The SMS gateway could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed("Interrupted while calling the SMS gateway.");
        }
    }

    private String write(Map<String, String> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI checked(String url) {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalStateException("lantau.sms.url must be an http or https URL");
        }
        return uri;
    }
}
