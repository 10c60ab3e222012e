package hk.lantau.compat.internal.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import hk.lantau.openplatform.OutgoingCall;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One encrypted push as DingTalk sends it: {@code POST <url>?signature=&msg_signature=&timestamp=&nonce=}
 * with {@code {"encrypt":…}}, a fresh nonce and encryption each time. Both names of the signature
 * are sent, since older receivers read {@code msg_signature}. The answer must be JSON whose
 * {@code msg_signature} matches and whose {@code encrypt} decrypts, for the same app key, to
 * exactly {@code success}.
 */
final class CallbackCall implements OutgoingCall {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final URI uri;
    private final String body;
    private final CallbackCrypto crypto;

    CallbackCall(String callbackUrl, CallbackKeys keys, String appKey, String plaintext, long timestampMillis) {
        this.crypto = new CallbackCrypto(keys.token(), keys.aesKey(), appKey);
        String timestamp = Long.toString(timestampMillis);
        String nonce = CallbackCrypto.random(16);
        String encrypted = crypto.encrypt(plaintext);
        String signature = crypto.signature(timestamp, nonce, encrypted);
        String query = "signature=" + signature + "&msg_signature=" + signature + "&timestamp=" + timestamp
                + "&nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8);
        this.uri = URI.create(callbackUrl + (callbackUrl.contains("?") ? "&" : "?") + query);
        try {
            this.body = JSON.writeValueAsString(Map.of("encrypt", encrypted));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public String body() {
        return body;
    }

    @Override
    public Optional<String> failure(int status, String responseBody) {
        if (status < 200 || status >= 300) {
            return Optional.of("HTTP " + status);
        }
        JsonNode answer;
        try {
            answer = responseBody == null ? null : JSON.readTree(responseBody);
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            return Optional.of("the answer is not a JSON object");
        }
        String signature = answer.path("msg_signature").asText("");
        String timestamp = answer.path("timeStamp").asText("");
        String nonce = answer.path("nonce").asText("");
        String encrypted = answer.path("encrypt").asText("");
        if (signature.isEmpty() || timestamp.isEmpty() || nonce.isEmpty() || encrypted.isEmpty()) {
            return Optional.of("the answer lacks msg_signature, timeStamp, nonce or encrypt");
        }
        if (!crypto.signature(timestamp, nonce, encrypted).equals(signature)) {
            return Optional.of("the answer's msg_signature does not match the token");
        }
        String message;
        try {
            message = crypto.decrypt(encrypted);
        } catch (IllegalArgumentException e) {
            return Optional.of("the answer does not decrypt with the AES key for this app key: " + e.getMessage());
        }
        return "success".equals(message) ? Optional.empty()
                : Optional.of("the answer decrypts to something other than \"success\"");
    }
}
