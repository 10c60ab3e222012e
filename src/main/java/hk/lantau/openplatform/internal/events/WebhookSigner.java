package hk.lantau.openplatform.internal.events;

import hk.lantau.shared.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signs a delivery: HMAC-SHA256, keyed with the subscription's secret (its UTF-8 bytes), over
 * {@code timestamp + "." + body}, as {@code v1=<hex>}. While a rotated secret still signs, the
 * header carries one signature per secret, comma-separated, newest first.
 */
final class WebhookSigner {

    static final String SECRET_PREFIX = "whsec_";

    private WebhookSigner() {
    }

    static String signature(String secret, long timestamp, String body) {
        return "v1=" + Tokens.hmacHex(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body);
    }

    static String header(List<String> secrets, long timestamp, String body) {
        return secrets.stream().map(secret -> signature(secret, timestamp, body)).collect(Collectors.joining(","));
    }

    /** A new signing secret: 32 random bytes, URL-safe, with a prefix that says what it is. */
    static String newSecret() {
        return SECRET_PREFIX + Tokens.random(32);
    }

    /** The last characters of a secret, shown to tell secrets apart. */
    static String hint(String secret) {
        return secret.substring(secret.length() - 4);
    }

    /** What a sealed secret is bound to, so it opens only as this subscription's secret. */
    static String purpose(long subscriptionId) {
        return "webhook-secret:" + subscriptionId;
    }
}
