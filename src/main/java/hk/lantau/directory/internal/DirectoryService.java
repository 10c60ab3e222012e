package hk.lantau.directory.internal;

import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.directory.NewUser;
import hk.lantau.shared.Permission;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory as other modules use it. */
@Service
class DirectoryService implements Directory {

    private final UserService userService;
    private final UserRepository users;
    private final RoleService roles;
    private final RoleRepository roleRepository;
    private final UserViews views;

    DirectoryService(UserService userService, UserRepository users, RoleService roles, RoleRepository roleRepository,
                     UserViews views) {
        this.userService = userService;
        this.users = users;
        this.roles = roles;
        this.roleRepository = roleRepository;
        this.views = views;
    }

    @Override
    @Transactional
    public DirectoryUser createUser(long tenantId, NewUser user) {
        return views.directoryUser(userService.createStored(tenantId, user));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DirectoryUser> findUser(long tenantId, String userId) {
        return users.find(tenantId, userId).map(views::directoryUser);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DirectoryUser> findUserByEmail(long tenantId, String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return users.findByEmailKey(tenantId, EmailAddresses.key(email)).map(views::directoryUser);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Permission> effectivePermissions(long tenantId, String userId) {
        return roles.accessOf(tenantId, userId).permissions();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> roleKeys(long tenantId, String userId) {
        return Set.copyOf(roleRepository.roleKeysOf(tenantId, userId));
    }
}
