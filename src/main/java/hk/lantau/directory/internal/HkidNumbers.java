package hk.lantau.directory.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hong Kong identity card numbers: one or two letters, six digits and a check character, written
 * {@code A123456(3)}. The check digit only catches typing errors; it does not prove an ID genuine.
 */
final class HkidNumbers {

    private static final Pattern SHAPE = Pattern.compile("([A-Z]{1,2})(\\d{6})\\(?([0-9A])\\)?");

    private HkidNumbers() {
    }

    /** The canonical form {@code A123456(3)}, or empty when the shape or check digit is wrong. */
    static Optional<String> normalise(String raw) {
        String compact = raw.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        Matcher m = SHAPE.matcher(compact);
        if (!m.matches()) {
            return Optional.empty();
        }
        String letters = m.group(1);
        String digits = m.group(2);
        char check = m.group(3).charAt(0);
        if (checkCharacter(letters, digits) != check) {
            return Optional.empty();
        }
        return Optional.of(letters + digits + "(" + check + ")");
    }

    // Letters count A=10..Z=35, a missing first letter counts 36; weights 9..2; check = (11 - sum % 11) % 11.
    private static char checkCharacter(String letters, String digits) {
        int sum = (letters.length() == 1 ? 36 : letters.charAt(0) - 'A' + 10) * 9
                + (letters.charAt(letters.length() - 1) - 'A' + 10) * 8;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        int value = (11 - sum % 11) % 11;
        return value == 10 ? 'A' : (char) ('0' + value);
    }
}
