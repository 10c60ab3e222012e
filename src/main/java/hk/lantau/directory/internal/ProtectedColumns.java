package hk.lantau.directory.internal;

import hk.lantau.compliance.ProtectedField;
import java.util.Map;

/** The ciphertext column of each protected field in {@code dir_user}. */
final class ProtectedColumns {

    static final Map<ProtectedField, String> COLUMNS = Map.of(
            ProtectedField.MOBILE, "mobile_cipher",
            ProtectedField.HKID, "hkid_cipher",
            ProtectedField.HOME_ADDRESS, "home_address_cipher",
            ProtectedField.BANK_ACCOUNT, "bank_account_cipher",
            ProtectedField.EMERGENCY_CONTACT, "emergency_contact_cipher",
            ProtectedField.MEDICAL_NOTES, "medical_notes_cipher");

    private ProtectedColumns() {
    }

    static String of(ProtectedField field) {
        return COLUMNS.get(field);
    }
}
