package hk.lantau.directory.internal;

import hk.lantau.compliance.FieldProtection;
import hk.lantau.directory.Department;
import hk.lantau.directory.Role;
import hk.lantau.directory.UserErased;
import hk.lantau.shared.PersonalDataContributor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The directory's part of a data-access request (export) and of an erasure. */
@Component
class DirectoryPersonalData implements PersonalDataContributor {

    static final String ERASED_NAME = "Erased user";

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final DepartmentRepository departments;
    private final RoleRepository roles;
    private final UserStatuses statuses;
    private final FieldProtection protection;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectoryPersonalData(UserRepository users, MembershipRepository memberships, DepartmentRepository departments,
                          RoleRepository roles, UserStatuses statuses, FieldProtection protection,
                          ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.departments = departments;
        this.roles = roles;
        this.statuses = statuses;
        this.protection = protection;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "directory";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(long tenantId, String userId) {
        var found = users.find(tenantId, userId);
        if (found.isEmpty()) {
            return Map.of();
        }
        StoredUser u = found.get();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("userId", u.userId);
        profile.put("name", u.name);
        profile.put("email", u.email);
        profile.put("title", u.title);
        profile.put("jobNumber", u.jobNumber);
        profile.put("hireDate", text(u.hireDate));
        profile.put("managerUserId", u.managerUserId);
        profile.put("workPlace", u.workPlace);
        profile.put("remark", u.remark);
        profile.put("contractEndDate", text(u.contractEndDate));
        profile.put("status", u.status.name());
        profile.put("leftAt", text(u.leftAt));
        profile.put("createdAt", text(u.createdAt));
        u.ciphers.forEach((field, cipher) -> profile.put(field.key(), protection.decrypt(tenantId, field, cipher)));

        List<Long> departmentIds = memberships.departmentsOf(tenantId, userId);
        Map<Long, Department> known = departments.findAll(tenantId, departmentIds).stream()
                .collect(Collectors.toMap(Department::id, Function.identity()));
        List<Map<String, Object>> membershipList = departmentIds.stream().map(id -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("departmentId", id);
            entry.put("departmentName", known.get(id).name());
            entry.put("leader", memberships.isLeader(tenantId, id, userId));
            return entry;
        }).toList();
        List<Map<String, Object>> roleList = roles.list(tenantId, roles.roleKeysOf(tenantId, userId)).stream()
                .map(DirectoryPersonalData::role).toList();

        Map<String, Object> export = new LinkedHashMap<>();
        export.put("profile", profile);
        export.put("memberships", membershipList);
        export.put("roles", roleList);
        return export;
    }

    @Override
    @Transactional
    public ErasureResult erase(long tenantId, String userId) {
        var found = users.find(tenantId, userId);
        if (found.isEmpty() || found.get().erasedAt != null) {
            return new ErasureResult(section(), 0, 0, Map.of());
        }
        int membershipCount = memberships.departmentsOf(tenantId, userId).size();
        int roleCount = roles.roleKeysOf(tenantId, userId).size();
        StoredUser left = statuses.leave(found.get());
        int protectedCount = left.ciphers.size();

        StoredUser erased = left.copy();
        erased.name = ERASED_NAME;
        erased.email = null;
        erased.title = null;
        erased.jobNumber = null;
        erased.hireDate = null;
        erased.managerUserId = null;
        erased.workPlace = null;
        erased.remark = null;
        erased.contractEndDate = null;
        erased.ciphers.clear();
        erased.mobileIndex = null;
        erased.hkidIndex = null;
        erased.erasedAt = clock.instant();
        erased.updatedAt = erased.erasedAt;
        users.update(erased);
        events.publishEvent(new UserErased(tenantId, userId, membershipCount, roleCount));

        Map<String, String> retained = new LinkedHashMap<>();
        retained.put("userId", "Kept as the stable reference that approvals, messages and the audit trail use; "
                + "it identifies no one once the profile is erased.");
        retained.put("status, leftAt, createdAt", "Kept to show that the account existed and when it ended.");
        return new ErasureResult(section(), membershipCount + roleCount + protectedCount, 1, retained);
    }

    private static Map<String, Object> role(Role role) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("key", role.key());
        entry.put("name", role.name());
        return entry;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
