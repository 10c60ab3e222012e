package hk.lantau.identity.internal;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.TimeProvider;
import dev.samstevens.totp.util.Utils;
import hk.lantau.identity.TotpEnrolment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * RFC 6238 codes: SHA-1, 6 digits, 30-second steps (what every authenticator app supports), and
 * one step of drift either way. Checking returns the matching step, so the caller can refuse a
 * step that was already used.
 */
@Component
public class TotpCodes {

    public static final int PERIOD = 30;
    public static final int DIGITS = 6;
    private static final int DRIFT_STEPS = 1;
    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");

    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final TimeProvider time;

    TotpCodes(Clock clock) {
        this.time = new ClockTimeProvider(clock);
    }

    /** A new 160-bit seed in base32. */
    public String newSecret() {
        return secrets.generate();
    }

    /** The time step whose code {@code code} is, within the allowed drift; empty when it matches none. */
    public OptionalLong matchingStep(String secret, String code) {
        String typed = code == null ? "" : code.replace(" ", "");
        if (!CODE.matcher(typed).matches()) {
            return OptionalLong.empty();
        }
        long current = Math.floorDiv(time.getTime(), PERIOD);
        byte[] given = typed.getBytes(StandardCharsets.US_ASCII);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (MessageDigest.isEqual(given, generate(secret, step).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    public TotpEnrolment enrolment(String secret, String issuer, String accountName) {
        QrData data = new QrData.Builder().label(accountName).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD).build();
        try {
            var qr = new ZxingPngQrGenerator();
            String image = Utils.getDataUriForImage(qr.generate(data), qr.getImageMimeType());
            return new TotpEnrolment(secret, data.getUri(), image, "SHA1", DIGITS, PERIOD);
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Could not draw the enrolment QR code", e);
        }
    }

    private String generate(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            // The seed is ours and well-formed; a failure here is a broken JVM, not a wrong code.
            throw new IllegalStateException("TOTP code generation failed", e);
        }
    }
}
