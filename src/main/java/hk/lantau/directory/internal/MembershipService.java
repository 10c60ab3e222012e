package hk.lantau.directory.internal;

import hk.lantau.directory.Department;
import hk.lantau.directory.DepartmentMember;
import hk.lantau.directory.MembershipChanged;
import hk.lantau.directory.Memberships;
import hk.lantau.directory.UserStatus;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class MembershipService implements Memberships {

    private final DepartmentService departments;
    private final MembershipRepository memberships;
    private final UserRepository users;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MembershipService(DepartmentService departments, MembershipRepository memberships, UserRepository users,
                      Organisations organisations, ApplicationEventPublisher events, Clock clock) {
        this.departments = departments;
        this.memberships = memberships;
        this.users = users;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<DepartmentMember> members(long tenantId, long departmentId, String cursor, int limit) {
        departments.get(tenantId, departmentId);
        Integer afterOrder = null;
        String afterUserId = null;
        if (cursor != null) {
            List<String> after = Cursors.decode(cursor, 2);
            try {
                afterOrder = Integer.valueOf(after.get(0));
            } catch (NumberFormatException e) {
                throw LantauException.invalidField("cursor", "directory.cursor_invalid", "This cursor is not valid.");
            }
            afterUserId = after.get(1);
        }
        List<DepartmentMember> found = memberships.members(tenantId, departmentId, afterOrder, afterUserId, limit + 1);
        if (found.size() <= limit) {
            return new CursorPage<>(found, null);
        }
        List<DepartmentMember> page = found.subList(0, limit);
        DepartmentMember last = page.get(limit - 1);
        return new CursorPage<>(page, Cursors.encode(String.valueOf(last.order()), last.userId()));
    }

    @Override
    @Transactional
    public MembershipResult add(long tenantId, long departmentId, List<String> userIds, boolean leader, int order) {
        departments.get(tenantId, departmentId);
        List<String> wanted = List.copyOf(new LinkedHashSet<>(userIds));
        Map<String, StoredUser> found = users.findAll(tenantId, wanted).stream()
                .collect(Collectors.toMap(u -> u.userId, Function.identity()));
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < userIds.size(); i++) {
            StoredUser user = found.get(userIds.get(i));
            if (user == null) {
                violations.add(new FieldViolation("userIds[" + i + "]", "directory.user_unknown",
                        "There is no such person in this organisation."));
            } else if (user.status == UserStatus.LEFT) {
                violations.add(new FieldViolation("userIds[" + i + "]", "directory.user_left",
                        "This person has left the organisation."));
            }
        }
        if (!violations.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, violations.get(0).code(), violations.get(0).message(),
                    violations);
        }
        return addAll(tenantId, departmentId, wanted, leader, order, false);
    }

    @Override
    @Transactional
    public MembershipResult join(long tenantId, long departmentId, String userId) {
        Department department = departments.get(tenantId, departmentId);
        if (!organisations.get(tenantId).selfJoinEnabled()) {
            throw LantauException.forbidden("directory.self_join_disabled",
                    "This organisation does not let people join departments themselves.");
        }
        if (department.virtual()) {
            throw LantauException.forbidden("directory.self_join_virtual",
                    "People cannot add themselves to a virtual department.");
        }
        StoredUser user = users.find(tenantId, userId).filter(u -> u.status == UserStatus.ACTIVE)
                .orElseThrow(UserService::notFound);
        return addAll(tenantId, departmentId, List.of(user.userId), false, 0, true);
    }

    private MembershipResult addAll(long tenantId, long departmentId, List<String> userIds, boolean leader,
                                    int order, boolean selfJoin) {
        Instant now = clock.instant();
        List<String> added = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (String userId : userIds) {
            if (memberships.isMember(tenantId, departmentId, userId)) {
                already.add(userId);
            } else {
                memberships.add(tenantId, departmentId, userId, leader, order, now);
                events.publishEvent(new MembershipChanged(tenantId, departmentId, userId,
                        MembershipChanged.Change.ADDED, leader, selfJoin));
                added.add(userId);
            }
        }
        return new MembershipResult(added, already);
    }

    @Override
    @Transactional
    public void remove(long tenantId, long departmentId, String userId) {
        Department department = departments.get(tenantId, departmentId);
        if (!memberships.isMember(tenantId, departmentId, userId)) {
            throw LantauException.notFound("directory.member_not_found", "This person is not in the department.");
        }
        if (!department.virtual() && memberships.realDepartmentCount(tenantId, userId) == 1) {
            throw LantauException.conflict("directory.last_department",
                    "This is the person's only department; add them to another one first.");
        }
        boolean leader = memberships.isLeader(tenantId, departmentId, userId);
        memberships.remove(tenantId, departmentId, userId);
        events.publishEvent(new MembershipChanged(tenantId, departmentId, userId, MembershipChanged.Change.REMOVED,
                leader, false));
    }
}
