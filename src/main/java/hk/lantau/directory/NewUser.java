package hk.lantau.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * A person to add to the directory. {@code userId} is generated when absent. Protected fields
 * arrive in clear and are encrypted before they are stored.
 */
public record NewUser(String userId, String name, String mobile, String email, String title, String jobNumber,
                      LocalDate hireDate, String managerUserId, List<Long> departmentIds, String workPlace,
                      String remark, LocalDate contractEndDate, String hkid, String homeAddress,
                      String bankAccount, String emergencyContact, String medicalNotes, List<String> roleKeys) {

    public NewUser {
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
        roleKeys = roleKeys == null ? List.of() : List.copyOf(roleKeys);
    }

    /** The minimum: a name, contact details, departments and roles. */
    public static NewUser of(String name, String email, String mobile, List<Long> departmentIds,
                             List<String> roleKeys) {
        return new NewUser(null, name, mobile, email, null, null, null, null, departmentIds, null, null, null,
                null, null, null, null, null, roleKeys);
    }
}
