package hk.lantau.directory;

import hk.lantau.compliance.ProtectedField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A person's full profile. Protected fields appear only masked; a field that is not set is absent
 * from {@code protectedFields}.
 */
public record UserProfile(String userId, String name, String email, String title, String jobNumber,
                          LocalDate hireDate, String managerUserId, List<Long> departmentIds, String workPlace,
                          String remark, LocalDate contractEndDate, UserStatus status, Instant leftAt,
                          Instant createdAt, Instant updatedAt, Map<ProtectedField, MaskedValue> protectedFields) {

    public UserProfile {
        departmentIds = List.copyOf(departmentIds);
        protectedFields = protectedFields.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(protectedFields));
    }
}
