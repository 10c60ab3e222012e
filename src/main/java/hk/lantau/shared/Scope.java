package hk.lantau.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What an app may be granted, one scope per module and action. An app's token carries the
 * permissions of its scopes, and every API endpoint names the one scope it needs
 * ({@link RequiresScope}), so an app reaches only what it declared.
 */
public enum Scope {
    USER_READ("user.read", "Read people and their masked profiles", Permission.DIRECTORY_READ),
    USER_WRITE("user.write", "Create, change, import and offboard people",
            Permission.DIRECTORY_READ, Permission.DIRECTORY_WRITE, Permission.DIRECTORY_IMPORT),
    DEPARTMENT_READ("department.read", "Read departments and their members", Permission.DIRECTORY_READ),
    DEPARTMENT_WRITE("department.write", "Create, change and remove departments and their members",
            Permission.DIRECTORY_READ, Permission.DIRECTORY_WRITE, Permission.MEMBERSHIP_MANAGE),
    ROLE_READ("role.read", "Read roles and who holds them", Permission.DIRECTORY_READ, Permission.ROLES_READ),
    ROLE_WRITE("role.write", "Create roles and grant them", Permission.DIRECTORY_READ, Permission.ROLES_MANAGE),
    MOBILE_READ("pii.mobile.read", "Read mobile numbers unmasked (audited)", Permission.REVEAL_MOBILE),
    ADDRESS_READ("pii.address.read", "Read home addresses unmasked (audited)", Permission.REVEAL_ADDRESS),
    HKID_READ("pii.hkid.read", "Read HKID numbers unmasked (audited)", Permission.REVEAL_HKID),
    BANK_ACCOUNT_READ("pii.bank_account.read", "Read bank accounts unmasked (audited)",
            Permission.REVEAL_BANK_ACCOUNT),
    EMERGENCY_CONTACT_READ("pii.emergency_contact.read", "Read emergency contacts unmasked (audited)",
            Permission.REVEAL_EMERGENCY_CONTACT),
    MEDICAL_READ("pii.medical.read", "Read medical notes unmasked (audited)", Permission.REVEAL_MEDICAL),
    AUDIT_READ("audit.read", "Read and export the audit trail", Permission.AUDIT_READ, Permission.AUDIT_EXPORT),
    EVENT_SUBSCRIBE("event.subscribe", "Receive platform events as webhooks"),
    NOTIFICATION_SEND("notification.send", "Send work notifications and read their progress and read status",
            Permission.NOTIFICATIONS_SEND),
    CHAT_WRITE("chat.write", "Create group chats for people, read them and post in them as the app"),
    APPROVAL_READ("approval.read", "Read approval templates, instances and tasks", Permission.APPROVAL_READ),
    APPROVAL_WRITE("approval.write", "Start, decide, transfer and terminate approvals for people",
            Permission.APPROVAL_READ, Permission.APPROVAL_MANAGE),
    APPROVAL_TEMPLATE("approval.template", "Create and change approval templates and their variables",
            Permission.APPROVAL_TEMPLATES),
    ATTENDANCE_READ("attendance.read", "Read attendance set-up and everyone's attendance records",
            Permission.ATTENDANCE_READ),
    ATTENDANCE_WRITE("attendance.write", "Change attendance set-up, record weather signals and clock people in",
            Permission.ATTENDANCE_READ, Permission.ATTENDANCE_MANAGE),
    FORM_READ("form.read", "Read smart forms, their rounds, summaries and answers, and export them",
            Permission.FORMS_READ),
    FORM_WRITE("form.write", "Create, change and archive smart forms", Permission.FORMS_READ,
            Permission.FORMS_MANAGE);

    private final String key;
    private final String description;
    private final Set<Permission> permissions;

    Scope(String key, String description, Permission... permissions) {
        this.key = key;
        this.description = description;
        this.permissions = Set.of(permissions);
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** The permissions an app holding this scope acts with. */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** The first scope in this catalogue that grants the permission, e.g. pii.hkid.read for pii.reveal.hkid. */
    public static Optional<Scope> granting(Permission permission) {
        return Arrays.stream(values()).filter(s -> s.permissions.contains(permission)).findFirst();
    }

    public static Optional<Scope> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
