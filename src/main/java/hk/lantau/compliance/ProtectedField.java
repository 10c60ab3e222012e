package hk.lantau.compliance;

import hk.lantau.shared.Permission;

/**
 * Personal fields that are stored encrypted and shown masked unless the viewer's role may reveal
 * them (P1). Biometric data is deliberately absent: Lantau never stores it.
 */
public enum ProtectedField {
    MOBILE("mobile", Permission.REVEAL_MOBILE),
    HOME_ADDRESS("homeAddress", Permission.REVEAL_ADDRESS),
    HKID("hkid", Permission.REVEAL_HKID),
    BANK_ACCOUNT("bankAccount", Permission.REVEAL_BANK_ACCOUNT),
    EMERGENCY_CONTACT("emergencyContact", Permission.REVEAL_EMERGENCY_CONTACT),
    MEDICAL_NOTES("medicalNotes", Permission.REVEAL_MEDICAL);

    private final String key;
    private final Permission revealPermission;

    ProtectedField(String key, Permission revealPermission) {
        this.key = key;
        this.revealPermission = revealPermission;
    }

    /** The JSON field name used on the API. */
    public String key() {
        return key;
    }

    public Permission revealPermission() {
        return revealPermission;
    }
}
