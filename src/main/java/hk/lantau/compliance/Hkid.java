package hk.lantau.compliance;

import hk.lantau.shared.LantauException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hong Kong Identity Card numbers: one or two letters, six digits and a check character (0-9 or A),
 * written {@code A123456(3)}. The check character catches typing errors; it does not prove that a
 * card is genuine. Error messages never repeat the number, since it is personal data.
 */
public final class Hkid {

    private static final Pattern FORMAT = Pattern.compile("([A-Z]{1,2})([0-9]{6})(?:\\(([0-9A])\\)|([0-9A]))");
    private static final int SPACE_VALUE = 36;

    private Hkid() {
    }

    /** Normalises and validates, reporting a failure against the field {@code hkid}. */
    public static String normalise(String input) {
        return normalise("hkid", input);
    }

    /**
     * Accepts {@code a123456(3)}, {@code A1234563}, {@code A123456 3} and returns {@code A123456(3)}.
     *
     * @throws LantauException 400 {@code compliance.hkid_invalid} naming {@code field}
     */
    public static String normalise(String field, String input) {
        return tryNormalise(input).orElseThrow(() -> LantauException.invalidField(field, "compliance.hkid_invalid",
                "This is not a valid HKID number. Enter it as on the card, for example A123456(3)."));
    }

    public static boolean isValid(String input) {
        return tryNormalise(input).isPresent();
    }

    /** The normalised form, or empty when the input is not a well-formed HKID with a correct check character. */
    public static Optional<String> tryNormalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = input.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        Matcher m = FORMAT.matcher(compact);
        if (!m.matches()) {
            return Optional.empty();
        }
        String letters = m.group(1);
        String digits = m.group(2);
        char check = (m.group(3) != null ? m.group(3) : m.group(4)).charAt(0);
        if (checkCharacter(letters, digits) != check) {
            return Optional.empty();
        }
        return Optional.of(letters + digits + "(" + check + ")");
    }

    /**
     * The check character for letters and six digits: letters count A=10 to Z=35 and a missing first
     * letter counts 36; weights 9 down to 2; the check value is (11 - sum mod 11) mod 11, 10 written A.
     */
    static char checkCharacter(String letters, String digits) {
        int first = letters.length() == 2 ? letterValue(letters.charAt(0)) : SPACE_VALUE;
        int second = letterValue(letters.charAt(letters.length() - 1));
        int sum = first * 9 + second * 8;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        int value = (11 - sum % 11) % 11;
        return value == 10 ? 'A' : (char) ('0' + value);
    }

    private static int letterValue(char letter) {
        return letter - 'A' + 10;
    }
}
