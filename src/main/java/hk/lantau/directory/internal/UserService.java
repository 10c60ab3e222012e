package hk.lantau.directory.internal;

import hk.lantau.compliance.MobileNumbers;
import hk.lantau.compliance.ProtectedField;
import hk.lantau.compliance.ProtectedValues;
import hk.lantau.directory.NewUser;
import hk.lantau.directory.UserChange;
import hk.lantau.directory.UserProfile;
import hk.lantau.directory.UserQuery;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.Users;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UserService implements Users {

    private final UserRepository users;
    private final UserCreation creation;
    private final UserUpdater updater;
    private final UserStatuses statuses;
    private final UserViews views;
    private final ProtectedValues protectedValues;

    UserService(UserRepository users, UserCreation creation, UserUpdater updater, UserStatuses statuses,
                UserViews views, ProtectedValues protectedValues) {
        this.users = users;
        this.creation = creation;
        this.updater = updater;
        this.statuses = statuses;
        this.views = views;
        this.protectedValues = protectedValues;
    }

    @Override
    @Transactional(readOnly = true)
    public UserProfile get(long tenantId, String userId) {
        return views.profile(find(tenantId, userId));
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<UserProfile> search(long tenantId, UserQuery query, String cursor, int limit) {
        UserSearchSql sql = new UserSearchSql(tenantId, limit + 1);
        sql.statuses(query.status() == null ? List.of(UserStatus.ACTIVE, UserStatus.SUSPENDED)
                : List.of(query.status()));
        if (query.text() != null && !query.text().isBlank()) {
            sql.text(query.text().strip());
        }
        if (query.departmentId() != null) {
            sql.department(query.departmentId());
        }
        if (query.mobile() != null) {
            sql.mobileIndex(creation.mobileIndex(tenantId, MobileNumbers.normalise(query.mobile())));
        }
        if (cursor != null) {
            List<String> after = Cursors.decode(cursor, 2);
            sql.after(after.get(0), after.get(1));
        }
        List<StoredUser> found = users.search(sql);
        boolean more = found.size() > limit;
        List<StoredUser> page = more ? found.subList(0, limit) : found;
        StoredUser last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new CursorPage<>(views.profiles(tenantId, page), more ? Cursors.encode(last.name, last.userId) : null);
    }

    @Override
    @Transactional
    public UserProfile create(long tenantId, NewUser user) {
        return views.profile(createStored(tenantId, user));
    }

    StoredUser createStored(long tenantId, NewUser user) {
        PreparedUser prepared = creation.prepare(tenantId, user, Batch.single());
        if (!prepared.valid()) {
            throw UserCreation.rejection(prepared.violations());
        }
        creation.checkSeats(tenantId, 1);
        return creation.store(prepared);
    }

    @Override
    @Transactional
    public UserProfile change(long tenantId, String userId, UserChange change) {
        return views.profile(updater.change(find(tenantId, userId), change));
    }

    @Override
    @Transactional
    public UserProfile suspend(long tenantId, String userId) {
        return views.profile(statuses.suspend(find(tenantId, userId)));
    }

    @Override
    @Transactional
    public UserProfile reactivate(long tenantId, String userId) {
        return views.profile(statuses.reactivate(find(tenantId, userId)));
    }

    @Override
    @Transactional
    public UserProfile leave(long tenantId, String userId) {
        return views.profile(statuses.leave(find(tenantId, userId)));
    }

    @Override
    @Transactional
    public String reveal(long tenantId, String userId, ProtectedField field) {
        StoredUser user = find(tenantId, userId);
        String cipher = user.ciphers.get(field);
        if (cipher == null) {
            if (!protectedValues.mayReveal(field)) {
                throw LantauException.forbidden("compliance.reveal_forbidden",
                        "Your roles do not allow revealing " + field.key() + ".");
            }
            return null;
        }
        return protectedValues.reveal(tenantId, "user", userId, field, cipher);
    }

    StoredUser find(long tenantId, String userId) {
        return users.find(tenantId, userId).orElseThrow(UserService::notFound);
    }

    static LantauException notFound() {
        return LantauException.notFound("directory.user_not_found", "No such person in this organisation.");
    }
}
