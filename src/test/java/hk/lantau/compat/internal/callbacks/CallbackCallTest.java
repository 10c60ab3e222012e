package hk.lantau.compat.internal.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an encrypted push is built and how its answer is judged. */
class CallbackCallTest {

    private static final CallbackKeys KEYS = new CallbackKeys("token123",
            "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
    private static final String APP_KEY = "ding0123456789abcdef";

    @Test
    void theRequestCarriesASignedFreshCiphertext() {
        CallbackCall first = new CallbackCall("https://example.hk/cb?x=1", KEYS, APP_KEY, "{\"EventType\":\"a\"}", 1L);
        CallbackCall second = new CallbackCall("https://example.hk/cb?x=1", KEYS, APP_KEY, "{\"EventType\":\"a\"}", 1L);
        assertThat(first.body()).isNotEqualTo(second.body());
        Map<String, String> query = query(first.uri());
        assertThat(query).containsKeys("x", "signature", "msg_signature", "timestamp", "nonce")
                .containsEntry("timestamp", "1");
        assertThat(query.get("signature")).isEqualTo(query.get("msg_signature")).matches("[0-9a-f]{40}");
        String encrypted = first.body().replaceAll(".*\"encrypt\":\"([^\"]+)\".*", "$1");
        CallbackCrypto crypto = new CallbackCrypto(KEYS.token(), KEYS.aesKey(), APP_KEY);
        assertThat(crypto.signature("1", query.get("nonce"), encrypted)).isEqualTo(query.get("signature"));
        assertThat(crypto.decrypt(encrypted)).isEqualTo("{\"EventType\":\"a\"}");
    }

    @Test
    void onlyAnEncryptedSuccessSignedWithTheTokenIsASuccess() {
        CallbackCall call = new CallbackCall("https://example.hk/cb", KEYS, APP_KEY, "{}", 1L);
        assertThat(call.failure(200, answer(KEYS.token(), APP_KEY, "success"))).isEmpty();
        assertThat(call.failure(500, answer(KEYS.token(), APP_KEY, "success"))).contains("HTTP 500");
        assertThat(call.failure(200, "success")).contains("the answer is not a JSON object");
        assertThat(call.failure(200, "{}")).get().asString().contains("lacks");
        assertThat(call.failure(200, answer("other", APP_KEY, "success"))).get().asString()
                .contains("msg_signature");
        assertThat(call.failure(200, answer(KEYS.token(), "dingAnotherApp", "success"))).get().asString()
                .contains("another owner key");
        assertThat(call.failure(200, answer(KEYS.token(), APP_KEY, "fail"))).get().asString()
                .contains("other than");
    }

    private static String answer(String token, String ownerKey, String message) {
        CallbackCrypto crypto = new CallbackCrypto(token, KEYS.aesKey(), ownerKey);
        String encrypted = crypto.encrypt(message);
        return "{\"msg_signature\":\"" + crypto.signature("2", "nonce", encrypted)
                + "\",\"timeStamp\":\"2\",\"nonce\":\"nonce\",\"encrypt\":\"" + encrypted + "\"}";
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], parts[1]);
        }
        return values;
    }
}
