package hk.lantau.directory.internal;

import hk.lantau.compliance.FieldProtection;
import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.Department;
import hk.lantau.directory.Directory;
import hk.lantau.directory.NewUser;
import hk.lantau.directory.Role;
import hk.lantau.directory.UserCreated;
import hk.lantau.directory.UserStatus;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Tokens;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Checks new people and stores them: shared by single creation and bulk import. */
@Component
class UserCreation {

    /** Everyone gets this role when no role is named, so they can at least see the directory. */
    static final String DEFAULT_ROLE = RoleTemplates.STAFF;

    private final UserRepository users;
    private final DepartmentRepository departments;
    private final MembershipRepository memberships;
    private final RoleRepository roles;
    private final FieldProtection protection;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserCreation(UserRepository users, DepartmentRepository departments, MembershipRepository memberships,
                 RoleRepository roles, FieldProtection protection, Organisations organisations,
                 ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.departments = departments;
        this.memberships = memberships;
        this.roles = roles;
        this.protection = protection;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /** Refuses when adding {@code adding} people would pass the edition's limit; locks the organisation. */
    void checkSeats(long tenantId, int adding) {
        departments.lockOrganisation(tenantId);
        var max = organisations.get(tenantId).edition().maxUsers();
        if (max.isPresent() && users.countSeated(tenantId) + adding > max.getAsInt()) {
            throw LantauException.conflict("tenant.edition_limit",
                    "The organisation's edition allows at most " + max.getAsInt() + " people.");
        }
    }

    PreparedUser prepare(long tenantId, NewUser input, Batch batch) {
        List<FieldViolation> violations = new ArrayList<>();
        ProfileFields fields = new ProfileFields(violations);
        StoredUser user = new StoredUser();
        user.tenantId = tenantId;
        user.name = fields.name(input.name());
        user.userId = isBlank(input.userId()) ? newUserId(tenantId, batch) : fields.userId(input.userId());
        user.email = isBlank(input.email()) ? null : fields.email(input.email());
        user.title = fields.text("title", input.title(), 100);
        user.jobNumber = fields.text("jobNumber", input.jobNumber(), 64);
        user.hireDate = input.hireDate();
        user.managerUserId = fields.text("managerUserId", input.managerUserId(), ProfileFields.USER_ID_MAX);
        user.workPlace = fields.text("workPlace", input.workPlace(), 100);
        user.remark = fields.text("remark", input.remark(), 1000);
        user.contractEndDate = input.contractEndDate();
        Map<ProtectedField, String> clear = new EnumMap<>(ProtectedField.class);
        for (ProtectedField field : ProtectedField.values()) {
            String value = fields.protectedValue(field, clearValue(input, field));
            if (value != null) {
                clear.put(field, value);
            }
        }

        String mobileIndex = index(tenantId, ProtectedField.MOBILE, clear);
        checkUnique(tenantId, user, mobileIndex, batch, violations);
        List<Long> departmentIds = departmentIds(tenantId, input.departmentIds(), violations);
        checkManager(tenantId, user, batch, violations);
        List<String> roleKeys = roleKeys(tenantId, input.roleKeys(), violations);

        if (violations.isEmpty()) {
            clear.forEach((field, value) -> user.ciphers.put(field, protection.encrypt(tenantId, field, value)));
            user.mobileIndex = mobileIndex;
            user.hkidIndex = index(tenantId, ProtectedField.HKID, clear);
        }
        return new PreparedUser(user, departmentIds, roleKeys, fieldsSet(user, clear.keySet()), violations);
    }

    /** Stores a prepared, valid person with their memberships and roles, and audits it. */
    StoredUser store(PreparedUser prepared) {
        StoredUser user = prepared.user();
        Instant now = clock.instant();
        user.createdAt = now;
        user.updatedAt = now;
        users.insert(user);
        for (long departmentId : prepared.departmentIds()) {
            memberships.add(user.tenantId, departmentId, user.userId, false, 0, now);
        }
        for (String roleKey : prepared.roleKeys()) {
            roles.grant(user.tenantId, user.userId, roleKey, now);
        }
        events.publishEvent(new UserCreated(user.tenantId, user.userId, user.name, prepared.fieldsSet(),
                prepared.departmentIds(), prepared.roleKeys()));
        return user;
    }

    /** Throws the problem a single creation answers with: 400 for bad fields, else 409 for collisions. */
    static LantauException rejection(List<FieldViolation> violations) {
        List<FieldViolation> invalid = violations.stream()
                .filter(v -> !PreparedUser.CONFLICT_CODES.contains(v.code())).toList();
        if (!invalid.isEmpty()) {
            return new LantauException(HttpStatus.BAD_REQUEST, invalid.get(0).code(),
                    invalid.get(0).message(), invalid);
        }
        FieldViolation conflict = violations.get(0);
        return LantauException.conflictField(conflict.field(), conflict.code(), conflict.message());
    }

    private void checkUnique(long tenantId, StoredUser user, String mobileIndex, Batch batch,
                             List<FieldViolation> violations) {
        if (user.userId != null) {
            if (!batch.claimedUserIds.add(user.userId) || users.exists(tenantId, user.userId)) {
                violations.add(new FieldViolation("userId", "directory.user_id_taken",
                        "Another person in the organisation has this userId."));
            }
        }
        if (user.email != null) {
            String key = EmailAddresses.key(user.email);
            if (!batch.claimedEmailKeys.add(key) || users.emailTaken(tenantId, key, null)) {
                violations.add(new FieldViolation("email", "directory.email_taken",
                        "Another person in the organisation has this e-mail address."));
            }
        }
        if (mobileIndex != null) {
            if (!batch.claimedMobileIndexes.add(mobileIndex) || users.mobileTaken(tenantId, mobileIndex, null)) {
                violations.add(new FieldViolation("mobile", "directory.mobile_taken",
                        "Another person in the organisation has this mobile number."));
            }
        }
    }

    /** Known departments, de-duplicated; the root is added when no real department is named. */
    List<Long> departmentIds(long tenantId, List<Long> requested, List<FieldViolation> violations) {
        Map<Long, Department> known = departments.findAll(tenantId, requested.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Department::id, Function.identity()));
        Set<Long> result = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            Long id = requested.get(i);
            if (id == null || !known.containsKey(id)) {
                violations.add(new FieldViolation("departmentIds[" + i + "]", "directory.department_unknown",
                        "There is no such department."));
            } else {
                result.add(id);
            }
        }
        if (result.stream().allMatch(id -> known.get(id).virtual())) {
            result.add(Directory.ROOT_DEPARTMENT_ID);
        }
        return List.copyOf(result);
    }

    private void checkManager(long tenantId, StoredUser user, Batch batch, List<FieldViolation> violations) {
        String manager = user.managerUserId;
        if (manager == null) {
            return;
        }
        if (!batch.userIds.contains(manager) && users.find(tenantId, manager)
                .filter(m -> m.status != UserStatus.LEFT).isEmpty()) {
            violations.add(new FieldViolation("managerUserId", "directory.manager_unknown",
                    "There is no such person to be the manager."));
            return;
        }
        if (user.userId == null) {
            return;
        }
        batch.managers.put(user.userId, manager);
        if (ManagerChain.reaches(manager, user.userId,
                id -> batch.managers.containsKey(id) ? batch.managers.get(id) : users.managerOf(tenantId, id)
                        .orElse(null))) {
            violations.add(new FieldViolation("managerUserId", "directory.manager_cycle",
                    "A person cannot be their own manager, directly or through others."));
        }
    }

    private List<String> roleKeys(long tenantId, List<String> requested, List<FieldViolation> violations) {
        List<String> wanted = requested.isEmpty() ? List.of(DEFAULT_ROLE) : requested;
        Set<String> known = roles.list(tenantId, wanted.stream().filter(k -> k != null).distinct().toList())
                .stream().map(Role::key).collect(Collectors.toSet());
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (!known.contains(wanted.get(i))) {
                violations.add(new FieldViolation("roleKeys[" + i + "]", "directory.role_unknown",
                        "There is no such role."));
            } else {
                result.add(wanted.get(i));
            }
        }
        return List.copyOf(result);
    }

    String mobileIndex(long tenantId, String normalisedMobile) {
        return protection.blindIndex(tenantId, ProtectedField.MOBILE, normalisedMobile);
    }

    private String index(long tenantId, ProtectedField field, Map<ProtectedField, String> clear) {
        String value = clear.get(field);
        return value == null ? null : protection.blindIndex(tenantId, field, value);
    }

    private String newUserId(long tenantId, Batch batch) {
        String id;
        do {
            id = Tokens.randomHex(8);
        } while (batch.userIds.contains(id) || users.exists(tenantId, id));
        return id;
    }

    private static List<String> fieldsSet(StoredUser user, Set<ProtectedField> protectedSet) {
        List<String> names = new ArrayList<>();
        addIf(names, "email", user.email);
        addIf(names, "title", user.title);
        addIf(names, "jobNumber", user.jobNumber);
        addIf(names, "hireDate", user.hireDate);
        addIf(names, "managerUserId", user.managerUserId);
        addIf(names, "workPlace", user.workPlace);
        addIf(names, "remark", user.remark);
        addIf(names, "contractEndDate", user.contractEndDate);
        protectedSet.forEach(field -> names.add(field.key()));
        return names;
    }

    private static void addIf(List<String> names, String name, Object value) {
        if (value != null) {
            names.add(name);
        }
    }

    static String clearValue(NewUser input, ProtectedField field) {
        return switch (field) {
            case MOBILE -> input.mobile();
            case HKID -> input.hkid();
            case HOME_ADDRESS -> input.homeAddress();
            case BANK_ACCOUNT -> input.bankAccount();
            case EMERGENCY_CONTACT -> input.emergencyContact();
            case MEDICAL_NOTES -> input.medicalNotes();
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
