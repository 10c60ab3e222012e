package hk.lantau.directory.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mobile numbers normalised to E.164. A bare eight-digit number is taken as Hong Kong (+852), where
 * mobiles start with 4 to 9.
 */
final class MobileNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern HONG_KONG_LOCAL = Pattern.compile("[4-9]\\d{7}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{7,14}");

    private MobileNumbers() {
    }

    static Optional<String> normalise(String raw) {
        String number = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        if (HONG_KONG_LOCAL.matcher(number).matches()) {
            return Optional.of("+852" + number);
        }
        if (!INTERNATIONAL.matcher(number).matches()) {
            return Optional.empty();
        }
        if (number.startsWith("+852") && !HONG_KONG_LOCAL.matcher(number.substring(4)).matches()) {
            return Optional.empty();
        }
        return Optional.of(number);
    }
}
