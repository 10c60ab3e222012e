package hk.lantau.directory.internal;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.UserStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** A row of {@code dir_user} as the services change it. Protected values are ciphertext only. */
final class StoredUser {

    long tenantId;
    String userId;
    String name;
    String email;
    String jobNumber;
    String title;
    LocalDate hireDate;
    String managerUserId;
    String workPlace;
    String remark;
    LocalDate contractEndDate;
    UserStatus status = UserStatus.ACTIVE;
    Instant leftAt;
    Instant erasedAt;
    final Map<ProtectedField, String> ciphers = new EnumMap<>(ProtectedField.class);
    String mobileIndex;
    String hkidIndex;
    Instant createdAt;
    Instant updatedAt;

    StoredUser copy() {
        StoredUser copy = new StoredUser();
        copy.tenantId = tenantId;
        copy.userId = userId;
        copy.name = name;
        copy.email = email;
        copy.jobNumber = jobNumber;
        copy.title = title;
        copy.hireDate = hireDate;
        copy.managerUserId = managerUserId;
        copy.workPlace = workPlace;
        copy.remark = remark;
        copy.contractEndDate = contractEndDate;
        copy.status = status;
        copy.leftAt = leftAt;
        copy.erasedAt = erasedAt;
        copy.ciphers.putAll(ciphers);
        copy.mobileIndex = mobileIndex;
        copy.hkidIndex = hkidIndex;
        copy.createdAt = createdAt;
        copy.updatedAt = updatedAt;
        return copy;
    }

    /** The unique key of the e-mail address while the person has not left. */
    String emailKey() {
        return email == null || status == UserStatus.LEFT ? null : EmailAddresses.key(email);
    }
}
