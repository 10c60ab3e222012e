package hk.lantau.messaging.internal.robot;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's robot signature: {@code Base64(HmacSHA256(secret, timestamp + "\n" + secret))} with a
 * timestamp in milliseconds within an hour of our clock. The sign arrives URL-decoded once; a
 * client that left a {@code +} unencoded has it decoded to a space, which Base64 never contains,
 * so spaces are read back as {@code +}.
 */
final class RobotSignature {

    static final Duration TOLERANCE = Duration.ofHours(1);

    private RobotSignature() {
    }

    static void check(String secret, String timestamp, String sign, Instant now) {
        long millis;
        try {
            millis = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw RobotRefusal.security("invalid timestamp");
        }
        if (Math.abs(now.toEpochMilli() - millis) > TOLERANCE.toMillis()) {
            throw RobotRefusal.security("invalid timestamp");
        }
        if (sign == null || sign.isBlank()) {
            throw RobotRefusal.security("sign not match");
        }
        byte[] expected = sign(secret, timestamp.strip()).getBytes(StandardCharsets.US_ASCII);
        byte[] given = sign.strip().replace(' ', '+').getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw RobotRefusal.security("sign not match");
        }
    }

    static String sign(String secret, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
