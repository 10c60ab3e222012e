package hk.lantau.compliance.internal;

import hk.lantau.compliance.Hkid;
import hk.lantau.compliance.ProtectedField;
import java.util.Optional;
import java.util.Set;

/**
 * The masked forms of protected values. Each form has a fixed shape so that the mask does not
 * reveal how long the value is.
 */
final class Masks {

    static final String FULL = "******";

    /** Two-digit ITU country calling codes; every other code that is not 1 or 7 has three digits. */
    private static final Set<String> TWO_DIGIT_CODES = Set.of(
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
            "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
            "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    private Masks() {
    }

    static String mask(ProtectedField field, String clear) {
        if (clear == null) {
            return null;
        }
        return switch (field) {
            case MOBILE -> mobile(clear);
            case HKID -> hkid(clear);
            case BANK_ACCOUNT -> bankAccount(clear);
            case HOME_ADDRESS, EMERGENCY_CONTACT, MEDICAL_NOTES -> FULL;
        };
    }

    /** {@code +852 9***1234}: the country code, the first digit and the last four. */
    static String mobile(String clear) {
        String value = clear.strip();
        boolean international = value.startsWith("+");
        String digits = value.replaceAll("[^0-9]", "");
        String country = "";
        if (international) {
            int length = countryCodeLength(digits);
            country = "+" + digits.substring(0, Math.min(length, digits.length())) + " ";
            digits = digits.length() > length ? digits.substring(length) : "";
        }
        if (digits.length() < 7) {
            return FULL;
        }
        return country + digits.charAt(0) + "***" + digits.substring(digits.length() - 4);
    }

    /** {@code A123***(*)}: the letters and the first three digits. */
    static String hkid(String clear) {
        Optional<String> normalised = Hkid.tryNormalise(clear);
        if (normalised.isEmpty()) {
            return FULL;
        }
        String id = normalised.get();
        int letters = Character.isLetter(id.charAt(1)) ? 2 : 1;
        return id.substring(0, letters + 3) + "***(*)";
    }

    /** {@code ****1234}: only the last four digits, and only of a number long enough to hide the rest. */
    static String bankAccount(String clear) {
        String digits = clear.replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            return FULL;
        }
        return "****" + digits.substring(digits.length() - 4);
    }

    static int countryCodeLength(String digits) {
        if (digits.startsWith("1") || digits.startsWith("7")) {
            return 1;
        }
        if (digits.length() >= 2 && TWO_DIGIT_CODES.contains(digits.substring(0, 2))) {
            return 2;
        }
        return 3;
    }
}
