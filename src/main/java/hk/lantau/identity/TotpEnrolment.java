package hk.lantau.identity;

/**
 * A started TOTP enrolment, shown once to the person enrolling: the seed, the {@code otpauth://}
 * URI authenticator apps read, and the same URI as a QR code (a {@code data:image/png} URI).
 */
public record TotpEnrolment(String secret, String otpauthUri, String qrCode, String algorithm, int digits,
                            int period) {

    @Override
    public String toString() {
        return "TotpEnrolment[algorithm=" + algorithm + ", digits=" + digits + ", period=" + period + "]";
    }
}
