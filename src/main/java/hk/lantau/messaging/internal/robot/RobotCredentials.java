package hk.lantau.messaging.internal.robot;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.shared.Tokens;
import org.springframework.stereotype.Component;

/**
 * Webhook tokens and signing secrets, shaped like DingTalk's: a token of 64 hex digits (256 bits)
 * and a secret of {@code SEC} and 64 hex digits. Tokens are found by a keyed hash; both are sealed
 * for the robot's id, so a sealed value copied onto another row does not open.
 */
@Component
class RobotCredentials {

    private static final String TOKEN_HASH = "messaging.robot-token";

    private final SecretSealing sealing;

    RobotCredentials(SecretSealing sealing) {
        this.sealing = sealing;
    }

    static String newToken() {
        return Tokens.randomHex(32);
    }

    static String newSecret() {
        return "SEC" + Tokens.randomHex(32);
    }

    String tokenHash(String token) {
        return sealing.keyedHash(TOKEN_HASH, token);
    }

    String sealToken(long robotId, String token) {
        return sealing.seal(tokenPurpose(robotId), token);
    }

    String openToken(long robotId, String sealed) {
        return sealing.open(tokenPurpose(robotId), sealed);
    }

    String sealSecret(long robotId, String secret) {
        return sealing.seal(secretPurpose(robotId), secret);
    }

    String openSecret(long robotId, String sealed) {
        return sealing.open(secretPurpose(robotId), sealed);
    }

    String resealToken(long robotId, String sealed) {
        return sealing.reseal(tokenPurpose(robotId), sealed);
    }

    String resealSecret(long robotId, String sealed) {
        return sealing.reseal(secretPurpose(robotId), sealed);
    }

    private static String tokenPurpose(long robotId) {
        return "messaging.robot-token." + robotId;
    }

    private static String secretPurpose(long robotId) {
        return "messaging.robot-secret." + robotId;
    }
}
