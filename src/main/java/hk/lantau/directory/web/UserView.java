package hk.lantau.directory.web;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.MaskedValue;
import hk.lantau.directory.UserProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person on the native API. Protected fields are objects with the masked value and whether the
 * caller may reveal it (POST .../protected-fields/{field}/reveal); unset fields are left out.
 */
record UserView(String userId, String name, String email, String title, String jobNumber, LocalDate hireDate,
                String managerUserId, List<Long> departmentIds, String workPlace, String remark,
                LocalDate contractEndDate, String status, String leftAt, String createdAt, String updatedAt,
                Masked mobile, Masked hkid, Masked homeAddress, Masked bankAccount, Masked emergencyContact,
                Masked medicalNotes) {

    record Masked(String masked, boolean revealable) {
    }

    static UserView of(UserProfile p) {
        return new UserView(p.userId(), p.name(), p.email(), p.title(), p.jobNumber(), p.hireDate(),
                p.managerUserId(), p.departmentIds(), p.workPlace(), p.remark(), p.contractEndDate(),
                p.status().name(), text(p.leftAt()), text(p.createdAt()), text(p.updatedAt()),
                masked(p, ProtectedField.MOBILE), masked(p, ProtectedField.HKID),
                masked(p, ProtectedField.HOME_ADDRESS), masked(p, ProtectedField.BANK_ACCOUNT),
                masked(p, ProtectedField.EMERGENCY_CONTACT), masked(p, ProtectedField.MEDICAL_NOTES));
    }

    private static Masked masked(UserProfile profile, ProtectedField field) {
        MaskedValue value = profile.protectedFields().get(field);
        return value == null ? null : new Masked(value.masked(), value.revealable());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
