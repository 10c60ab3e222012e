package hk.lantau.compliance;

import hk.lantau.shared.LantauException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mobile numbers in one stored form, E.164 without spaces: {@code +85291234567}. Eight-digit Hong
 * Kong numbers may be entered without the country code; other countries need a leading {@code +}
 * (or {@code 00}). Error messages never repeat the number.
 */
public final class MobileNumbers {

    private static final String HONG_KONG = "852";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern HONG_KONG_MOBILE = Pattern.compile("[4-9][0-9]{7}");

    private MobileNumbers() {
    }

    /** Normalises, reporting a failure against the field {@code mobile}. */
    public static String normalise(String input) {
        return normalise("mobile", input);
    }

    /**
     * Accepts {@code +852 9123 4567}, {@code 9123-4567}, {@code 91234567} and returns {@code +85291234567}.
     *
     * @throws LantauException 400 {@code compliance.mobile_invalid} naming {@code field}
     */
    public static String normalise(String field, String input) {
        return tryNormalise(input).orElseThrow(() -> LantauException.invalidField(field,
                "compliance.mobile_invalid",
                "This is not a valid mobile number. Use 8 digits for Hong Kong or +country code and number."));
    }

    public static Optional<String> tryNormalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(input.strip()).replaceAll("");
        boolean international = false;
        if (compact.startsWith("+")) {
            compact = compact.substring(1);
            international = true;
        } else if (compact.startsWith("00")) {
            compact = compact.substring(2);
            international = true;
        }
        if (!DIGITS.matcher(compact).matches()) {
            return Optional.empty();
        }
        if (!international && compact.length() == 11 && compact.startsWith(HONG_KONG)) {
            compact = compact.substring(HONG_KONG.length());
        }
        if (!international) {
            return HONG_KONG_MOBILE.matcher(compact).matches() ? Optional.of("+" + HONG_KONG + compact)
                    : Optional.empty();
        }
        if (compact.startsWith(HONG_KONG)) {
            String local = compact.substring(HONG_KONG.length());
            return HONG_KONG_MOBILE.matcher(local).matches() ? Optional.of("+" + compact) : Optional.empty();
        }
        // E.164 allows at most 15 digits; fewer than 8 cannot be a country code and a mobile number.
        if (compact.length() < 8 || compact.length() > 15 || compact.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of("+" + compact);
    }
}
