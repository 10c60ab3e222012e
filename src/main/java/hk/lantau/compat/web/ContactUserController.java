package hk.lantau.compat.web;

import hk.lantau.directory.Audiences;
import hk.lantau.directory.DepartmentMember;
import hk.lantau.directory.Memberships;
import hk.lantau.directory.NewUser;
import hk.lantau.directory.UserChange;
import hk.lantau.directory.UserProfile;
import hk.lantau.directory.UserQuery;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.Users;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's contacts API for people ({@code /topapi/v2/user/...}, {@code /topapi/user/...}) over the
 * directory, with the directory's permission checks and rules. DingTalk's cursors are offsets into a
 * department's members in Lantau's order (member order, then userid).
 */
@RestController
class ContactUserController {

    /** DingTalk's largest page of {@code user/list}. */
    private static final int MAX_PAGE = 100;
    /** DingTalk field names that {@code force_update_fields} may clear, as Lantau's field names. */
    private static final Map<String, String> CLEARABLE = Map.of("title", "title", "email", "email",
            "job_number", "jobNumber", "hired_date", "hireDate", "manager_userid", "managerUserId",
            "work_place", "workPlace", "remark", "remark");

    private final Users users;
    private final Memberships memberships;
    private final DingTalkUsers wire;
    private final Audiences audiences;

    ContactUserController(Users users, Memberships memberships, DingTalkUsers wire, Audiences audiences) {
        this.users = users;
        this.memberships = memberships;
        this.wire = wire;
        this.audiences = audiences;
    }

    @RequiresScope(Scope.USER_READ)
    @PostMapping("/topapi/v2/user/get")
    ResponseEntity<Map<String, Object>> get(DingTalkRequest body) {
        Actor app = CurrentActor.require(Permission.DIRECTORY_READ);
        long tenantId = app.requireTenant();
        String userId = body.requireText("userid");
        return OldReply.result(wire.user(app, tenantId, users.get(tenantId, userId)));
    }

    @RequiresScope(Scope.USER_READ)
    @PostMapping("/topapi/v2/user/list")
    ResponseEntity<Map<String, Object>> list(DingTalkRequest body) {
        Actor app = CurrentActor.require(Permission.DIRECTORY_READ);
        long tenantId = app.requireTenant();
        MemberPage page = page(tenantId, body);
        List<Map<String, Object>> list = new ArrayList<>(page.members().size());
        for (DepartmentMember member : page.members()) {
            Map<String, Object> user = wire.user(app, tenantId, users.get(tenantId, member.userId()));
            user.put("dept_order", member.order());
            user.put("leader", member.leader());
            list.add(user);
        }
        return page.reply(list);
    }

    /** {@code user/list} with each person's userid and name only. */
    @RequiresScope(Scope.USER_READ)
    @PostMapping("/topapi/user/listsimple")
    ResponseEntity<Map<String, Object>> listSimple(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        MemberPage page = page(tenantId, body);
        return page.reply(page.members().stream()
                .map(member -> Wire.object().put("userid", member.userId()).put("name", member.name()).map())
                .toList());
    }

    /**
     * How many people the organisation has. DingTalk's {@code only_active} leaves out people who have
     * not activated DingTalk; Lantau has no such state, so it leaves out suspended people.
     */
    @RequiresScope(Scope.USER_READ)
    @PostMapping("/topapi/user/count")
    ResponseEntity<Map<String, Object>> count(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        Boolean onlyActive = body.bool("only_active");
        if (onlyActive == null) {
            throw DingTalkException.missingParameter("only_active");
        }
        long count = audiences.countActiveMembers(tenantId, List.of()) + (onlyActive ? 0 : suspended(tenantId));
        return OldReply.result(Map.of("count", count));
    }

    /** Suspended people are few: paged through rather than counted by a query of their own. */
    private long suspended(long tenantId) {
        long count = 0;
        String cursor = null;
        do {
            var page = users.search(tenantId, new UserQuery(null, null, UserStatus.SUSPENDED, null), cursor, 1_000);
            count += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return count;
    }

    /** A page of a department's members at DingTalk's offset cursor ({@code dept_id}, {@code cursor}, {@code size}). */
    private MemberPage page(long tenantId, DingTalkRequest body) {
        long departmentId = body.requireNumber("dept_id");
        int cursor = body.number("cursor", 0, 0, Integer.MAX_VALUE - MAX_PAGE - 1);
        int size = body.number("size", 10, 1, MAX_PAGE);
        List<DepartmentMember> members = memberships.members(tenantId, departmentId, null, cursor + size + 1)
                .items();
        boolean more = members.size() > cursor + size;
        return new MemberPage(List.copyOf(members.subList(Math.min(cursor, members.size()),
                Math.min(cursor + size, members.size()))), more, more ? cursor + size : null);
    }

    private record MemberPage(List<DepartmentMember> members, boolean more, Integer nextCursor) {

        ResponseEntity<Map<String, Object>> reply(List<Map<String, Object>> list) {
            return OldReply.result(Wire.object().put("has_more", more).put("next_cursor", nextCursor)
                    .put("list", list).map());
        }
    }

    @RequiresScope(Scope.USER_READ)
    @PostMapping("/topapi/user/listid")
    ResponseEntity<Map<String, Object>> listIds(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        long departmentId = body.requireNumber("dept_id");
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = memberships.members(tenantId, departmentId, cursor, 1_000);
            page.items().forEach(member -> ids.add(member.userId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return OldReply.result(Map.of("userid_list", ids));
    }

    @RequiresScope(Scope.USER_READ)
    @PostMapping("/topapi/v2/user/getbymobile")
    ResponseEntity<Map<String, Object>> getByMobile(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        String mobile = body.requireText("mobile");
        UserProfile found = users.search(tenantId, new UserQuery(null, null, null, mobile), null, 1).items().stream()
                .findFirst().orElseThrow(DingTalkException::userNotFound);
        return OldReply.result(Map.of("userid", found.userId(), "exclusive_account_userid_list", List.of()));
    }

    @RequiresScope(Scope.USER_READ)
    @PostMapping("/topapi/user/getbyunionid")
    ResponseEntity<Map<String, Object>> getByUnionId(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        // Lantau's unionid is the userid (docs/compat.md).
        UserProfile user = users.get(tenantId, body.requireText("unionid"));
        return OldReply.result(Map.of("contact_type", 0, "userid", user.userId()));
    }

    @RequiresScope(Scope.USER_WRITE)
    @PostMapping("/topapi/v2/user/create")
    ResponseEntity<Map<String, Object>> create(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        String name = body.requireText("name");
        String mobile = body.requireText("mobile");
        List<Long> departmentIds = body.numbers("dept_id_list");
        if (departmentIds == null || departmentIds.isEmpty()) {
            throw DingTalkException.missingParameter("dept_id_list");
        }
        UserProfile created = users.create(tenantId, new NewUser(body.text("userid"), name, mobile,
                body.text("email"), body.text("title"), body.text("job_number"), date(body, tenantId),
                body.text("manager_userid"), departmentIds, body.text("work_place"), body.text("remark"), null,
                null, null, null, null, null, null));
        return OldReply.result(Map.of("userid", created.userId(), "unionId", created.userId()));
    }

    @RequiresScope(Scope.USER_WRITE)
    @PostMapping("/topapi/v2/user/update")
    ResponseEntity<Map<String, Object>> update(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        String userId = body.requireText("userid");
        List<Long> departmentIds = body.numbers("dept_id_list");
        if (departmentIds != null) {
            CurrentActor.require(Permission.MEMBERSHIP_MANAGE);
        }
        Set<String> clear = new HashSet<>();
        List<String> forced = body.texts("force_update_fields");
        if (forced != null) {
            for (String field : forced) {
                String lantau = CLEARABLE.get(field);
                if (lantau == null) {
                    throw DingTalkException.invalidParameter("force_update_fields");
                }
                clear.add(lantau);
            }
        }
        users.change(tenantId, userId, new UserChange(body.text("name"), body.text("email"), body.text("title"),
                body.text("job_number"), date(body, tenantId), body.text("manager_userid"), departmentIds,
                body.text("work_place"), body.text("remark"), null, body.text("mobile"), null, null, null, null, null,
                clear));
        return OldReply.ok();
    }

    /** DingTalk deletes; Lantau keeps the person's records and marks them as having left. */
    @RequiresScope(Scope.USER_WRITE)
    @PostMapping("/topapi/v2/user/delete")
    ResponseEntity<Map<String, Object>> delete(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_WRITE).requireTenant();
        users.leave(tenantId, body.requireText("userid"));
        return OldReply.ok();
    }

    private LocalDate date(DingTalkRequest body, long tenantId) {
        Long millis = body.number("hired_date");
        return millis == null ? null : Instant.ofEpochMilli(millis).atZone(wire.zone(tenantId)).toLocalDate();
    }
}
