package hk.lantau.web.directory;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.NewUser;
import hk.lantau.directory.UserChange;
import hk.lantau.directory.UserProfile;
import hk.lantau.shared.LantauException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The person form as posted. Protected fields are never filled in from storage: on an edit a
 * blank protected field keeps its value, and {@code clear} lists the ones to remove.
 */
public record UserForm(String name, String email, String mobile, String title, String jobNumber, String hireDate,
                       String managerUserId, List<Long> departmentIds, String workPlace, String remark,
                       String contractEndDate, String hkid, String homeAddress, String bankAccount,
                       String emergencyContact, String medicalNotes, List<String> roleKeys, List<String> clear) {

    public UserForm {
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
        roleKeys = roleKeys == null ? List.of() : List.copyOf(roleKeys);
        clear = clear == null ? List.of() : List.copyOf(clear);
    }

    static UserForm empty(long departmentId) {
        return new UserForm("", "", "", "", "", "", "", List.of(departmentId), "", "", "", "", "", "", "", "",
                List.of(), List.of());
    }

    /** The profile's own values; protected fields stay blank. */
    static UserForm of(UserProfile p) {
        return new UserForm(p.name(), text(p.email()), "", text(p.title()), text(p.jobNumber()), date(p.hireDate()),
                text(p.managerUserId()), p.departmentIds(), text(p.workPlace()), text(p.remark()),
                date(p.contractEndDate()), "", "", "", "", "", List.of(), List.of());
    }

    NewUser toNewUser(boolean withRoles) {
        return new NewUser(null, strip(name), blankToNull(mobile), blankToNull(email), blankToNull(title),
                blankToNull(jobNumber), parse("hireDate", hireDate), blankToNull(managerUserId),
                departmentIds.isEmpty() ? null : departmentIds, blankToNull(workPlace), blankToNull(remark),
                parse("contractEndDate", contractEndDate), blankToNull(hkid), blankToNull(homeAddress),
                blankToNull(bankAccount), blankToNull(emergencyContact), blankToNull(medicalNotes),
                withRoles && !roleKeys.isEmpty() ? roleKeys : null);
    }

    /**
     * Plain fields are sent as they are, so emptying one clears it; protected fields only when typed
     * in. Departments are replaced only by someone who may manage memberships.
     */
    UserChange toChange(boolean withDepartments) {
        Set<String> cleared = new LinkedHashSet<>();
        for (String key : List.of("title", "jobNumber", "hireDate", "managerUserId", "workPlace", "remark",
                "contractEndDate")) {
            if (blank(plain(key))) {
                cleared.add(key);
            }
        }
        for (String key : clear) {
            if (PROTECTED_KEYS.contains(key)) {
                cleared.add(key);
            }
        }
        return new UserChange(strip(name), blankToNull(email), blankToNull(title), blankToNull(jobNumber),
                parse("hireDate", hireDate), blankToNull(managerUserId), withDepartments ? departmentIds : null,
                blankToNull(workPlace), blankToNull(remark), parse("contractEndDate", contractEndDate),
                blankToNull(mobile), blankToNull(hkid), blankToNull(homeAddress), blankToNull(bankAccount),
                blankToNull(emergencyContact), blankToNull(medicalNotes), cleared);
    }

    public boolean clears(String key) {
        return clear.contains(key);
    }

    public boolean inDepartment(long id) {
        return departmentIds.contains(id);
    }

    public boolean hasRole(String key) {
        return roleKeys.contains(key);
    }

    private static final Set<String> PROTECTED_KEYS = Set.of(ProtectedField.MOBILE.key(),
            ProtectedField.HKID.key(), ProtectedField.HOME_ADDRESS.key(), ProtectedField.BANK_ACCOUNT.key(),
            ProtectedField.EMERGENCY_CONTACT.key(), ProtectedField.MEDICAL_NOTES.key());

    private String plain(String key) {
        return switch (key) {
            case "title" -> title;
            case "jobNumber" -> jobNumber;
            case "hireDate" -> hireDate;
            case "managerUserId" -> managerUserId;
            case "workPlace" -> workPlace;
            case "remark" -> remark;
            case "contractEndDate" -> contractEndDate;
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static LocalDate parse(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw LantauException.invalidField(field, "directory.date_invalid", "Enter a date as YYYY-MM-DD.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String date(LocalDate value) {
        return value == null ? "" : value.toString();
    }
}
