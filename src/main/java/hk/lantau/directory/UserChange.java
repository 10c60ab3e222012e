package hk.lantau.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A partial change of a person's profile: {@code null} leaves a value as it is, and the field
 * names in {@code clear} (JSON names such as {@code title} or {@code hkid}) are emptied.
 * {@code departmentIds}, when given, replaces all the person's memberships.
 */
public record UserChange(String name, String email, String title, String jobNumber, LocalDate hireDate,
                         String managerUserId, List<Long> departmentIds, String workPlace, String remark,
                         LocalDate contractEndDate, String mobile, String hkid, String homeAddress,
                         String bankAccount, String emergencyContact, String medicalNotes, Set<String> clear) {

    public UserChange {
        departmentIds = departmentIds == null ? null : List.copyOf(departmentIds);
        clear = clear == null ? Set.of() : Set.copyOf(clear);
    }
}
