package hk.lantau.directory.internal;

import hk.lantau.compliance.FieldProtection;
import hk.lantau.compliance.ProtectedField;
import hk.lantau.compliance.ProtectedValues;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.directory.MaskedValue;
import hk.lantau.directory.UserProfile;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Turns stored rows into what callers see: protected values decrypted only to be masked. */
@Component
class UserViews {

    private final MembershipRepository memberships;
    private final FieldProtection protection;
    private final ProtectedValues protectedValues;

    UserViews(MembershipRepository memberships, FieldProtection protection, ProtectedValues protectedValues) {
        this.memberships = memberships;
        this.protection = protection;
        this.protectedValues = protectedValues;
    }

    UserProfile profile(StoredUser user) {
        return profile(user, memberships.departmentsOf(user.tenantId, user.userId), revealable());
    }

    List<UserProfile> profiles(long tenantId, List<StoredUser> users) {
        Map<String, List<Long>> departments = memberships.departmentsOf(tenantId,
                users.stream().map(u -> u.userId).toList());
        Map<ProtectedField, Boolean> revealable = revealable();
        return users.stream()
                .map(u -> profile(u, departments.getOrDefault(u.userId, List.of()), revealable))
                .toList();
    }

    DirectoryUser directoryUser(StoredUser user) {
        return new DirectoryUser(user.tenantId, user.userId, user.name, user.email, user.title, user.status,
                memberships.departmentsOf(user.tenantId, user.userId), user.managerUserId);
    }

    private UserProfile profile(StoredUser u, List<Long> departmentIds, Map<ProtectedField, Boolean> revealable) {
        Map<ProtectedField, MaskedValue> masked = new EnumMap<>(ProtectedField.class);
        u.ciphers.forEach((field, cipher) -> masked.put(field, new MaskedValue(
                protection.mask(field, protection.decrypt(u.tenantId, field, cipher)), revealable.get(field))));
        return new UserProfile(u.userId, u.name, u.email, u.title, u.jobNumber, u.hireDate, u.managerUserId,
                departmentIds, u.workPlace, u.remark, u.contractEndDate, u.status, u.leftAt, u.createdAt,
                u.updatedAt, masked);
    }

    /** Whether the caller may reveal each field; the same for every person shown in one request. */
    private Map<ProtectedField, Boolean> revealable() {
        return Arrays.stream(ProtectedField.values())
                .collect(Collectors.toMap(f -> f, protectedValues::mayReveal, (a, b) -> a,
                        () -> new EnumMap<>(ProtectedField.class)));
    }
}
