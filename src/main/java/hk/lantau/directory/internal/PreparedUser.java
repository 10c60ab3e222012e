package hk.lantau.directory.internal;

import hk.lantau.shared.FieldViolation;
import java.util.List;
import java.util.Set;

/** A person checked and ready to store, or the reasons they cannot be. */
record PreparedUser(StoredUser user, List<Long> departmentIds, List<String> roleKeys, List<String> fieldsSet,
                    List<FieldViolation> violations) {

    static final Set<String> CONFLICT_CODES =
            Set.of("directory.user_id_taken", "directory.email_taken", "directory.mobile_taken");

    PreparedUser {
        departmentIds = List.copyOf(departmentIds);
        roleKeys = List.copyOf(roleKeys);
        fieldsSet = List.copyOf(fieldsSet);
        violations = List.copyOf(violations);
    }

    boolean valid() {
        return violations.isEmpty();
    }
}
