package hk.lantau.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a role can grant, across all modules. One catalogue so that role templates,
 * the admin console and the API docs list the same things.
 */
public enum Permission {
    DIRECTORY_READ("directory.read", "See departments and people"),
    DIRECTORY_WRITE("directory.write", "Create and change departments and people"),
    DIRECTORY_IMPORT("directory.import", "Import people in bulk"),
    MEMBERSHIP_MANAGE("directory.membership", "Add and remove department members"),
    ROLES_READ("roles.read", "See roles and who holds them"),
    ROLES_MANAGE("roles.manage", "Create roles and grant them"),
    ORG_SETTINGS("org.settings", "Change the organisation's settings"),
    SECURITY_SETTINGS("security.settings", "Change sign-in and MFA policy"),
    SESSIONS_MANAGE("sessions.manage", "See and revoke other people's sessions"),
    PASSWORD_RESET("identity.reset", "Send people a password reset link"),
    REVEAL_MOBILE("pii.reveal.mobile", "Reveal mobile numbers"),
    REVEAL_ADDRESS("pii.reveal.address", "Reveal home addresses"),
    REVEAL_HKID("pii.reveal.hkid", "Reveal HKID numbers"),
    REVEAL_BANK_ACCOUNT("pii.reveal.bank_account", "Reveal bank accounts"),
    REVEAL_EMERGENCY_CONTACT("pii.reveal.emergency_contact", "Reveal emergency contacts"),
    REVEAL_MEDICAL("pii.reveal.medical", "Reveal medical notes"),
    AUDIT_READ("audit.read", "Read the audit trail"),
    AUDIT_EXPORT("audit.export", "Export the audit trail"),
    PERSONAL_DATA_REQUESTS("privacy.requests", "Export or erase one person's data on request"),
    APPS_MANAGE("apps.manage", "Register internal apps and manage their credentials"),
    MESSAGES_MODERATE("messaging.moderate", "Remove anyone's messages from conversations"),
    NOTIFICATIONS_SEND("messaging.notify", "Send work notifications to people, departments or everyone"),
    APPROVAL_TEMPLATES("approval.templates", "Design approval templates, set their variables and install presets"),
    APPROVAL_READ("approval.read", "See every approval in the organisation"),
    APPROVAL_MANAGE("approval.manage", "Terminate approvals and set approval reminders and triggers"),
    ATTENDANCE_MANAGE("attendance.manage",
            "Set up attendance places, shifts, groups, holidays and weather signals, and record clock-ins for people"),
    ATTENDANCE_READ("attendance.read", "See everyone's attendance records"),
    FORMS_MANAGE("forms.manage", "Design smart forms, their audience and schedule, and see their answers"),
    FORMS_READ("forms.read", "See smart forms' answers, summaries and who has not answered, and export them"),
    ORGANISATIONS_MANAGE("operator.organisations", "Create and manage organisations (operator)");

    private final String key;
    private final String description;

    Permission(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /**
     * Whether {@code held} grants this permission: directly, or through a broader one (whoever
     * manages roles can read them, whoever manages attendance or forms can read them).
     */
    public boolean grantedBy(Set<Permission> held) {
        return held.contains(this) || this == ROLES_READ && held.contains(ROLES_MANAGE)
                || this == ATTENDANCE_READ && held.contains(ATTENDANCE_MANAGE)
                || this == FORMS_READ && held.contains(FORMS_MANAGE);
    }

    public static Optional<Permission> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
