package hk.lantau.directory.internal;

import hk.lantau.directory.NewRole;
import hk.lantau.directory.Role;
import hk.lantau.directory.RoleChange;
import hk.lantau.directory.RoleChanged;
import hk.lantau.directory.RoleCreated;
import hk.lantau.directory.RoleDeleted;
import hk.lantau.directory.RoleGranted;
import hk.lantau.directory.RoleRevoked;
import hk.lantau.directory.Roles;
import hk.lantau.directory.UserAccess;
import hk.lantau.directory.UserStatus;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RoleService implements Roles {

    /** Permissions that belong to the installation's operator, never to an organisation's role. */
    static final Set<Permission> OPERATOR_ONLY = EnumSet.of(Permission.ORGANISATIONS_MANAGE);

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private final RoleRepository roles;
    private final UserRepository users;
    private final AdminGuard adminGuard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoleService(RoleRepository roles, UserRepository users, AdminGuard adminGuard, ApplicationEventPublisher events,
                Clock clock) {
        this.roles = roles;
        this.users = users;
        this.adminGuard = adminGuard;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<Permission> catalogue() {
        return Arrays.stream(Permission.values()).filter(p -> !OPERATOR_ONLY.contains(p)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Role> list(long tenantId) {
        return roles.list(tenantId);
    }

    @Override
    @Transactional(readOnly = true)
    public Role get(long tenantId, String key) {
        return roles.find(tenantId, key).orElseThrow(RoleService::notFound);
    }

    @Override
    @Transactional
    public Role create(long tenantId, NewRole request) {
        String key = request.key() == null ? "" : request.key().strip();
        if (!KEY.matcher(key).matches()) {
            throw LantauException.invalidField("key", "directory.role_key_invalid",
                    "A role key has 1 to 64 lower-case letters, digits, _ and - and starts with a letter.");
        }
        String name = name(request.name());
        Set<Permission> permissions = permissions(request.permissions());
        if (roles.find(tenantId, key).isPresent()) {
            throw LantauException.conflictField("key", "directory.role_key_taken", "A role with this key exists.");
        }
        Role role = new Role(key, name, false, permissions);
        roles.insert(tenantId, role, clock.instant());
        events.publishEvent(new RoleCreated(tenantId, key, name, keys(permissions)));
        return get(tenantId, key);
    }

    @Override
    @Transactional
    public Role change(long tenantId, String key, RoleChange change) {
        Role current = get(tenantId, key);
        refuseBuiltIn(current);
        String name = change.name() == null ? current.name() : name(change.name());
        Set<Permission> permissions = change.permissions() == null ? current.permissions()
                : permissions(change.permissions());
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!name.equals(current.name())) {
            changes.put("name", fromTo(current.name(), name));
        }
        if (!permissions.equals(current.permissions())) {
            changes.put("permissions", fromTo(keys(current.permissions()), keys(permissions)));
        }
        if (changes.isEmpty()) {
            return current;
        }
        roles.update(tenantId, new Role(key, name, false, permissions), clock.instant());
        events.publishEvent(new RoleChanged(tenantId, key, changes));
        return get(tenantId, key);
    }

    @Override
    @Transactional
    public void delete(long tenantId, String key) {
        Role role = get(tenantId, key);
        refuseBuiltIn(role);
        if (roles.holders(tenantId, key) > 0) {
            throw LantauException.conflict("directory.role_in_use",
                    "People still hold this role; take it from them first.");
        }
        roles.delete(tenantId, key);
        events.publishEvent(new RoleDeleted(tenantId, key, role.name()));
    }

    @Override
    @Transactional(readOnly = true)
    public UserAccess access(long tenantId, String userId) {
        users.find(tenantId, userId).orElseThrow(UserService::notFound);
        return accessOf(tenantId, userId);
    }

    UserAccess accessOf(long tenantId, String userId) {
        List<Role> held = roles.list(tenantId, roles.roleKeysOf(tenantId, userId));
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        held.forEach(role -> permissions.addAll(role.permissions()));
        return new UserAccess(userId, held, permissions);
    }

    @Override
    @Transactional
    public UserAccess assign(long tenantId, String userId, List<String> roleKeys) {
        StoredUser user = users.find(tenantId, userId).orElseThrow(UserService::notFound);
        Set<String> wanted = new LinkedHashSet<>(roleKeys);
        Set<String> known = new LinkedHashSet<>();
        roles.list(tenantId, List.copyOf(wanted)).forEach(role -> known.add(role.key()));
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < roleKeys.size(); i++) {
            if (!known.contains(roleKeys.get(i))) {
                violations.add(new FieldViolation("roleKeys[" + i + "]", "directory.role_unknown",
                        "There is no such role."));
            }
        }
        if (!violations.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "directory.role_unknown", "Some roles do not exist.",
                    violations);
        }
        if (user.status == UserStatus.LEFT && !wanted.isEmpty()) {
            throw LantauException.conflict("directory.user_left", "This person has left the organisation.");
        }
        List<String> current = roles.roleKeysOf(tenantId, userId);
        if (current.contains(RoleTemplates.ADMIN) && !wanted.contains(RoleTemplates.ADMIN)) {
            adminGuard.checkCanLoseAdmin(tenantId, userId);
        }
        Instant now = clock.instant();
        for (String key : current) {
            if (!wanted.contains(key)) {
                roles.revoke(tenantId, userId, key);
                events.publishEvent(new RoleRevoked(tenantId, userId, key));
            }
        }
        for (String key : wanted) {
            if (!current.contains(key)) {
                roles.grant(tenantId, userId, key, now);
                events.publishEvent(new RoleGranted(tenantId, userId, key));
            }
        }
        return accessOf(tenantId, userId);
    }

    private Set<Permission> permissions(List<String> keys) {
        Set<Permission> result = EnumSet.noneOf(Permission.class);
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            var permission = keys.get(i) == null ? Optional.<Permission>empty()
                    : Permission.fromKey(keys.get(i)).filter(p -> !OPERATOR_ONLY.contains(p));
            if (permission.isPresent()) {
                result.add(permission.get());
            } else {
                violations.add(new FieldViolation("permissions[" + i + "]", "directory.permission_unknown",
                        "There is no such permission; GET /api/v1/permissions lists them."));
            }
        }
        if (!violations.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "directory.permission_unknown",
                    "Some permissions do not exist.", violations);
        }
        return result;
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw LantauException.invalidField("name", "directory.role_name_invalid",
                    "A role name has 1 to 100 characters.");
        }
        return name;
    }

    private static void refuseBuiltIn(Role role) {
        if (role.builtIn()) {
            throw LantauException.conflict("directory.role_built_in", "Built-in roles cannot be changed or deleted.");
        }
    }

    private static List<String> keys(Set<Permission> permissions) {
        return permissions.stream().map(Permission::key).toList();
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("from", from);
        entry.put("to", to);
        return entry;
    }

    static LantauException notFound() {
        return LantauException.notFound("directory.role_not_found", "No such role in this organisation.");
    }
}
