package hk.lantau.directory.internal;

import static hk.lantau.shared.Permission.*;

import hk.lantau.directory.Role;
import java.util.EnumSet;
import java.util.List;

/** The built-in roles every organisation starts with (D3). They cannot be changed or deleted. */
final class RoleTemplates {

    static final String ADMIN = "admin";
    static final String HR = "hr";
    static final String MANAGER = "manager";
    static final String STAFF = "staff";
    static final String DPO = "dpo";

    static final List<Role> ALL = List.of(
            new Role(ADMIN, "Administrator", true, EnumSet.of(DIRECTORY_READ, DIRECTORY_WRITE, DIRECTORY_IMPORT,
                    MEMBERSHIP_MANAGE, ROLES_MANAGE, ORG_SETTINGS, SECURITY_SETTINGS, SESSIONS_MANAGE,
                    PASSWORD_RESET, AUDIT_READ, AUDIT_EXPORT, REVEAL_MOBILE, REVEAL_EMERGENCY_CONTACT, APPS_MANAGE,
                    MESSAGES_MODERATE, NOTIFICATIONS_SEND, APPROVAL_TEMPLATES, APPROVAL_READ, APPROVAL_MANAGE,
                    ATTENDANCE_MANAGE, ATTENDANCE_READ, FORMS_MANAGE, FORMS_READ)),
            new Role(HR, "Human resources", true, EnumSet.of(DIRECTORY_READ, DIRECTORY_WRITE, DIRECTORY_IMPORT,
                    MEMBERSHIP_MANAGE, PASSWORD_RESET, REVEAL_MOBILE, REVEAL_ADDRESS, REVEAL_HKID,
                    REVEAL_BANK_ACCOUNT, REVEAL_EMERGENCY_CONTACT, REVEAL_MEDICAL, NOTIFICATIONS_SEND, APPROVAL_TEMPLATES,
                    APPROVAL_READ, ATTENDANCE_MANAGE, ATTENDANCE_READ, FORMS_MANAGE, FORMS_READ)),
            new Role(MANAGER, "Manager", true, EnumSet.of(DIRECTORY_READ)),
            new Role(STAFF, "Staff", true, EnumSet.of(DIRECTORY_READ)),
            new Role(DPO, "Data protection officer", true, EnumSet.of(DIRECTORY_READ, AUDIT_READ, AUDIT_EXPORT,
                    PERSONAL_DATA_REQUESTS)));

    private RoleTemplates() {
    }
}
