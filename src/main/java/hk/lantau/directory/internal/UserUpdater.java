package hk.lantau.directory.internal;

import hk.lantau.compliance.FieldProtection;
import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.MembershipChanged;
import hk.lantau.directory.UserChange;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.UserUpdated;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Applies a partial profile change: validates everything first, writes once, audits what changed. */
@Component
class UserUpdater {

    /** Fields that {@link UserChange#clear()} may name; the name cannot be cleared. */
    static final Set<String> CLEARABLE = Stream.concat(
            Stream.of("email", "title", "jobNumber", "hireDate", "managerUserId", "workPlace", "remark",
                    "contractEndDate"),
            Stream.of(ProtectedField.values()).map(ProtectedField::key)).collect(Collectors.toUnmodifiableSet());

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final UserCreation creation;
    private final FieldProtection protection;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserUpdater(UserRepository users, MembershipRepository memberships, UserCreation creation,
                FieldProtection protection, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.creation = creation;
        this.protection = protection;
        this.events = events;
        this.clock = clock;
    }

    StoredUser change(StoredUser current, UserChange change) {
        if (current.erasedAt != null) {
            throw LantauException.conflict("directory.user_erased", "This person's data was erased.");
        }
        List<FieldViolation> violations = new ArrayList<>();
        ProfileFields fields = new ProfileFields(violations);
        checkClear(change, violations);
        StoredUser next = current.copy();
        Map<String, Object> changes = new LinkedHashMap<>();
        Set<String> clear = change.clear();

        if (change.name() != null) {
            next.name = fields.name(change.name());
        }
        next.email = text(change.email(), clear.contains("email"), current.email, fields::email);
        next.title = text(change.title(), clear.contains("title"), current.title, v -> fields.text("title", v, 100));
        next.jobNumber = text(change.jobNumber(), clear.contains("jobNumber"), current.jobNumber,
                v -> fields.text("jobNumber", v, 64));
        next.workPlace = text(change.workPlace(), clear.contains("workPlace"), current.workPlace,
                v -> fields.text("workPlace", v, 100));
        next.remark = text(change.remark(), clear.contains("remark"), current.remark,
                v -> fields.text("remark", v, 1000));
        next.managerUserId = text(change.managerUserId(), clear.contains("managerUserId"), current.managerUserId,
                v -> fields.text("managerUserId", v, ProfileFields.USER_ID_MAX));
        next.hireDate = clear.contains("hireDate") ? null
                : change.hireDate() != null ? change.hireDate() : current.hireDate;
        next.contractEndDate = clear.contains("contractEndDate") ? null
                : change.contractEndDate() != null ? change.contractEndDate() : current.contractEndDate;
        Map<ProtectedField, String> clearValues = protectedChanges(current, change, fields, violations);

        List<Long> departmentIds = null;
        if (change.departmentIds() != null) {
            if (current.status == UserStatus.LEFT) {
                throw LantauException.conflict("directory.user_left", "This person has left the organisation.");
            }
            departmentIds = creation.departmentIds(current.tenantId, change.departmentIds(), violations);
        }
        if (!violations.isEmpty()) {
            throw UserCreation.rejection(violations);
        }
        checkManager(current, next);
        checkUnique(current, next, clearValues);

        plainChanges(current, next, changes);
        applyProtected(next, clearValues, changes);
        Instant now = clock.instant();
        if (!changes.isEmpty()) {
            next.updatedAt = now;
            users.update(next);
            events.publishEvent(new UserUpdated(current.tenantId, current.userId, changes));
        }
        if (departmentIds != null) {
            replaceMemberships(current, departmentIds, now);
        }
        return next;
    }

    private static void checkClear(UserChange change, List<FieldViolation> violations) {
        for (String name : change.clear()) {
            if (!CLEARABLE.contains(name)) {
                violations.add(new FieldViolation("clear", "directory.clear_invalid",
                        "Only optional profile fields can be cleared."));
                return;
            }
        }
    }

    /** An optional text field: cleared, unchanged when not given, blank clears, else checked. */
    private static String text(String given, boolean clear, String current, UnaryOperator<String> check) {
        if (clear) {
            return null;
        }
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null : check.apply(given);
    }

    /** The protected fields this change sets (normalised clear value) or clears ({@code null}). */
    private Map<ProtectedField, String> protectedChanges(StoredUser current, UserChange change, ProfileFields fields,
                                                         List<FieldViolation> violations) {
        Map<ProtectedField, String> result = new LinkedHashMap<>();
        for (ProtectedField field : ProtectedField.values()) {
            String given = given(change, field);
            if (change.clear().contains(field.key()) || (given != null && given.isBlank())) {
                if (current.ciphers.containsKey(field)) {
                    result.put(field, null);
                }
            } else if (given != null) {
                int before = violations.size();
                String value = fields.protectedValue(field, given);
                if (violations.size() == before && !value.equals(decrypt(current, field))) {
                    result.put(field, value);
                }
            }
        }
        return result;
    }

    private String decrypt(StoredUser user, ProtectedField field) {
        String cipher = user.ciphers.get(field);
        return cipher == null ? null : protection.decrypt(user.tenantId, field, cipher);
    }

    private void checkManager(StoredUser current, StoredUser next) {
        String manager = next.managerUserId;
        if (manager == null || manager.equals(current.managerUserId)) {
            return;
        }
        if (users.find(current.tenantId, manager).filter(m -> m.status != UserStatus.LEFT).isEmpty()) {
            throw LantauException.invalidField("managerUserId", "directory.manager_unknown",
                    "There is no such person to be the manager.");
        }
        if (ManagerChain.reaches(manager, current.userId,
                id -> users.managerOf(current.tenantId, id).orElse(null))) {
            throw LantauException.conflictField("managerUserId", "directory.manager_cycle",
                    "A person cannot be their own manager, directly or through others.");
        }
    }

    private void checkUnique(StoredUser current, StoredUser next, Map<ProtectedField, String> clearValues) {
        if (next.email != null && !EmailAddresses.key(next.email).equals(current.emailKey())
                && current.status != UserStatus.LEFT
                && users.emailTaken(current.tenantId, EmailAddresses.key(next.email), current.userId)) {
            throw LantauException.conflictField("email", "directory.email_taken",
                    "Another person in the organisation has this e-mail address.");
        }
        String mobile = clearValues.get(ProtectedField.MOBILE);
        if (mobile != null && current.status != UserStatus.LEFT
                && users.mobileTaken(current.tenantId, creation.mobileIndex(current.tenantId, mobile),
                current.userId)) {
            throw LantauException.conflictField("mobile", "directory.mobile_taken",
                    "Another person in the organisation has this mobile number.");
        }
    }

    private static void plainChanges(StoredUser a, StoredUser b, Map<String, Object> changes) {
        put(changes, "name", a.name, b.name);
        put(changes, "email", a.email, b.email);
        put(changes, "title", a.title, b.title);
        put(changes, "jobNumber", a.jobNumber, b.jobNumber);
        put(changes, "hireDate", a.hireDate, b.hireDate);
        put(changes, "managerUserId", a.managerUserId, b.managerUserId);
        put(changes, "workPlace", a.workPlace, b.workPlace);
        put(changes, "remark", a.remark, b.remark);
        put(changes, "contractEndDate", a.contractEndDate, b.contractEndDate);
    }

    private static void put(Map<String, Object> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("from", from == null ? null : from.toString());
            entry.put("to", to == null ? null : to.toString());
            changes.put(field, entry);
        }
    }

    private void applyProtected(StoredUser next, Map<ProtectedField, String> clearValues,
                                Map<String, Object> changes) {
        clearValues.forEach((field, value) -> {
            if (value == null) {
                next.ciphers.remove(field);
                changes.put(field.key(), "cleared");
            } else {
                next.ciphers.put(field, protection.encrypt(next.tenantId, field, value));
                changes.put(field.key(), "changed");
            }
            if (field == ProtectedField.MOBILE) {
                next.mobileIndex = value == null || next.status == UserStatus.LEFT ? null
                        : creation.mobileIndex(next.tenantId, value);
            } else if (field == ProtectedField.HKID) {
                next.hkidIndex = value == null ? null : protection.blindIndex(next.tenantId, field, value);
            }
        });
    }

    private void replaceMemberships(StoredUser user, List<Long> wanted, Instant now) {
        List<Long> current = memberships.departmentsOf(user.tenantId, user.userId);
        for (Long id : current) {
            if (!wanted.contains(id)) {
                boolean leader = memberships.isLeader(user.tenantId, id, user.userId);
                memberships.remove(user.tenantId, id, user.userId);
                events.publishEvent(new MembershipChanged(user.tenantId, id, user.userId,
                        MembershipChanged.Change.REMOVED, leader, false));
            }
        }
        for (Long id : wanted) {
            if (!current.contains(id)) {
                memberships.add(user.tenantId, id, user.userId, false, 0, now);
                events.publishEvent(new MembershipChanged(user.tenantId, id, user.userId,
                        MembershipChanged.Change.ADDED, false, false));
            }
        }
    }

    private static String given(UserChange change, ProtectedField field) {
        return switch (field) {
            case MOBILE -> change.mobile();
            case HKID -> change.hkid();
            case HOME_ADDRESS -> change.homeAddress();
            case BANK_ACCOUNT -> change.bankAccount();
            case EMERGENCY_CONTACT -> change.emergencyContact();
            case MEDICAL_NOTES -> change.medicalNotes();
        };
    }
}
