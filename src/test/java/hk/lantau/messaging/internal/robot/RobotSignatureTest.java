package hk.lantau.messaging.internal.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RobotSignatureTest {

    private static final String SECRET = "SEC1f3a4c6e2b7d9a0c8e5f1b3d7a9c2e4f6b8d0a1c3e5f7b9d2a4c6e8f0b1d3a5";
    private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");

    @Test
    void matchesAnIndependentImplementation() {
        // Computed with Python: base64.b64encode(hmac.new(secret, f"{timestamp}\n{secret}", sha256).digest())
        assertThat(RobotSignature.sign("SECxxx", "1577262236757"))
                .isEqualTo("TajHYUQC5a6smO3qjKNgFiJalsQ51g5gqH0iiy2oY+o=");
    }

    @Test
    void acceptsASignWithinAnHourEitherWay() {
        for (Duration skew : new Duration[] {Duration.ZERO, Duration.ofMinutes(59), Duration.ofMinutes(-59)}) {
            String timestamp = Long.toString(NOW.plus(skew).toEpochMilli());
            assertThatCode(() -> RobotSignature.check(SECRET, timestamp, RobotSignature.sign(SECRET, timestamp), NOW))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void acceptsASignWhosePlusWasLeftUnencoded() {
        String timestamp = findTimestampWithPlus();
        String sent = RobotSignature.sign(SECRET, timestamp);
        String decodedAsForm = URLDecoder.decode(sent, StandardCharsets.UTF_8);
        assertThat(decodedAsForm).contains(" ");
        assertThatCode(() -> RobotSignature.check(SECRET, timestamp, decodedAsForm, NOW)).doesNotThrowAnyException();
        String encoded = URLEncoder.encode(sent, StandardCharsets.UTF_8);
        assertThatCode(() -> RobotSignature.check(SECRET, timestamp,
                URLDecoder.decode(encoded, StandardCharsets.UTF_8), NOW)).doesNotThrowAnyException();
    }

    @Test
    void refusesAnOldOrFutureOrMissingTimestamp() {
        for (String timestamp : new String[] {Long.toString(NOW.minus(Duration.ofMinutes(61)).toEpochMilli()),
                Long.toString(NOW.plus(Duration.ofMinutes(61)).toEpochMilli()), null, "", "soon"}) {
            String sign = timestamp == null ? "x" : RobotSignature.sign(SECRET, timestamp);
            assertThatThrownBy(() -> RobotSignature.check(SECRET, timestamp, sign, NOW))
                    .isInstanceOfSatisfying(RobotRefusal.class, r -> {
                        assertThat(r.errcode()).isEqualTo(310000);
                        assertThat(r.getMessage()).isEqualTo("invalid timestamp");
                    });
        }
    }

    @Test
    void refusesAWrongOrMissingSign() {
        String timestamp = Long.toString(NOW.toEpochMilli());
        String other = RobotSignature.sign(SECRET + "0", timestamp);
        for (String sign : new String[] {other, null, "", RobotSignature.sign(SECRET, timestamp + "1")}) {
            assertThatThrownBy(() -> RobotSignature.check(SECRET, timestamp, sign, NOW))
                    .isInstanceOfSatisfying(RobotRefusal.class, r -> {
                        assertThat(r.errcode()).isEqualTo(310000);
                        assertThat(r.getMessage()).isEqualTo("sign not match");
                    });
        }
    }

    private static String findTimestampWithPlus() {
        for (long millis = NOW.toEpochMilli(); ; millis++) {
            if (RobotSignature.sign(SECRET, Long.toString(millis)).contains("+")) {
                return Long.toString(millis);
            }
        }
    }
}
