package hk.lantau.directory.internal;

import hk.lantau.directory.DepartmentMember;
import hk.lantau.directory.UserStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MembershipRepository {

    private final JdbcClient jdbc;

    MembershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long tenantId, long departmentId, String userId, boolean leader, int order, Instant now) {
        jdbc.sql("""
                insert into dir_membership (tenant_id, department_id, userid, is_leader, sort_order, created_at)
                values (:tenantId, :departmentId, :userId, :leader, :order, :now)""")
                .param("tenantId", tenantId).param("departmentId", departmentId).param("userId", userId)
                .param("leader", leader).param("order", order).param("now", Times.utc(now))
                .update();
    }

    boolean remove(long tenantId, long departmentId, String userId) {
        return jdbc.sql("""
                delete from dir_membership where tenant_id = :tenantId and department_id = :departmentId
                   and userid = :userId""")
                .param("tenantId", tenantId).param("departmentId", departmentId).param("userId", userId)
                .update() > 0;
    }

    boolean isMember(long tenantId, long departmentId, String userId) {
        return jdbc.sql("""
                select count(*) from dir_membership where tenant_id = :tenantId and department_id = :departmentId
                   and userid = :userId""")
                .param("tenantId", tenantId).param("departmentId", departmentId).param("userId", userId)
                .query(Long.class).single() > 0;
    }

    /** Whether the person is a leader in the department (false when not a member). */
    boolean isLeader(long tenantId, long departmentId, String userId) {
        return jdbc.sql("""
                select is_leader from dir_membership where tenant_id = :tenantId and department_id = :departmentId
                   and userid = :userId""")
                .param("tenantId", tenantId).param("departmentId", departmentId).param("userId", userId)
                .query(Boolean.class).optional().orElse(false);
    }

    List<Long> departmentsOf(long tenantId, String userId) {
        return jdbc.sql("""
                select department_id from dir_membership where tenant_id = :tenantId and userid = :userId
                 order by department_id""")
                .param("tenantId", tenantId).param("userId", userId)
                .query(Long.class).list();
    }

    Map<String, List<Long>> departmentsOf(long tenantId, Collection<String> userIds) {
        Map<String, List<Long>> result = new LinkedHashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select userid, department_id from dir_membership where tenant_id = :tenantId and userid in (:userIds)
                 order by userid, department_id""")
                .param("tenantId", tenantId).param("userIds", userIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return result;
    }

    /** How many non-virtual departments the person belongs to. */
    int realDepartmentCount(long tenantId, String userId) {
        return jdbc.sql("""
                select count(*) from dir_membership m
                  join dir_department d on d.tenant_id = m.tenant_id and d.id = m.department_id
                 where m.tenant_id = :tenantId and m.userid = :userId and d.is_virtual = false""")
                .param("tenantId", tenantId).param("userId", userId)
                .query(Long.class).single().intValue();
    }

    int count(long tenantId, long departmentId) {
        return jdbc.sql("select count(*) from dir_membership where tenant_id = :tenantId and department_id = :id")
                .param("tenantId", tenantId).param("id", departmentId)
                .query(Long.class).single().intValue();
    }

    /** Members ordered by their order in the department, then userid; paged after the given key. */
    List<DepartmentMember> members(long tenantId, long departmentId, Integer afterOrder, String afterUserId,
                                   int limit) {
        String after = afterOrder == null ? ""
                : " and (m.sort_order > :afterOrder or (m.sort_order = :afterOrder and m.userid > :afterUserId))";
        var spec = jdbc.sql("""
                select m.userid, u.name, u.title, u.status, m.is_leader, m.sort_order
                  from dir_membership m
                  join dir_user u on u.tenant_id = m.tenant_id and u.userid = m.userid
                 where m.tenant_id = :tenantId and m.department_id = :departmentId"""
                + after + " order by m.sort_order, m.userid limit :limit")
                .param("tenantId", tenantId).param("departmentId", departmentId).param("limit", limit);
        if (afterOrder != null) {
            spec = spec.param("afterOrder", afterOrder).param("afterUserId", afterUserId);
        }
        return spec.query((rs, row) -> new DepartmentMember(rs.getString("userid"), rs.getString("name"),
                rs.getString("title"), UserStatus.valueOf(rs.getString("status")), rs.getBoolean("is_leader"),
                rs.getInt("sort_order"))).list();
    }

    /** Removes every membership of a department; returns the people who were in it. */
    List<String> removeAllIn(long tenantId, long departmentId) {
        List<String> userIds = jdbc.sql("""
                select userid from dir_membership where tenant_id = :tenantId and department_id = :departmentId
                 order by userid""")
                .param("tenantId", tenantId).param("departmentId", departmentId).query(String.class).list();
        jdbc.sql("delete from dir_membership where tenant_id = :tenantId and department_id = :departmentId")
                .param("tenantId", tenantId).param("departmentId", departmentId).update();
        return userIds;
    }
}
