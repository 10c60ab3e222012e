package hk.lantau.directory.internal;

import hk.lantau.compliance.Hkid;
import hk.lantau.compliance.MobileNumbers;
import hk.lantau.compliance.ProtectedField;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shape checks and normalisation of profile fields. Each method returns the cleaned value, or
 * {@code null} after adding a violation naming the field. Messages never repeat the value.
 */
final class ProfileFields {

    static final int NAME_MAX = 80;
    static final int USER_ID_MAX = 64;

    /** Longest clear value of each protected field. */
    static final Map<ProtectedField, Integer> PROTECTED_MAX = Map.of(
            ProtectedField.MOBILE, 32, ProtectedField.HKID, 16, ProtectedField.HOME_ADDRESS, 500,
            ProtectedField.BANK_ACCOUNT, 64, ProtectedField.EMERGENCY_CONTACT, 200,
            ProtectedField.MEDICAL_NOTES, 2000);

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");

    private final List<FieldViolation> violations;

    ProfileFields(List<FieldViolation> violations) {
        this.violations = violations;
    }

    String userId(String raw) {
        String value = raw.strip();
        if (!USER_ID.matcher(value).matches()) {
            return fail("userId", "directory.user_id_invalid",
                    "A userId has 1 to 64 letters, digits and . _ @ - and starts with a letter or digit.");
        }
        return value;
    }

    String name(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || value.length() > NAME_MAX || value.chars().anyMatch(Character::isISOControl)) {
            return fail("name", "directory.name_invalid", "A name of 1 to 80 characters is required.");
        }
        return value;
    }

    String email(String raw) {
        String value = raw.strip();
        if (!EmailAddresses.valid(value)) {
            return fail("email", "directory.email_invalid", "This is not a valid e-mail address.");
        }
        return value;
    }

    /** Optional free text: blank becomes {@code null}. */
    String text(String field, String raw, int max) {
        String value = raw == null ? null : raw.strip();
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            return fail(field, "directory.field_too_long", "At most " + max + " characters.");
        }
        return value;
    }

    /** A protected value in clear, normalised for mobile and HKID. */
    String protectedValue(ProtectedField field, String raw) {
        String value = text(field.key(), raw, PROTECTED_MAX.get(field));
        if (value == null) {
            return null;
        }
        try {
            return switch (field) {
                case MOBILE -> MobileNumbers.normalise(field.key(), value);
                case HKID -> Hkid.normalise(field.key(), value);
                default -> value;
            };
        } catch (LantauException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    private String fail(String field, String code, String message) {
        violations.add(new FieldViolation(field, code, message));
        return null;
    }
}
